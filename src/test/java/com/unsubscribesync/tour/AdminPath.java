package com.unsubscribesync.tour;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The admin's whole path through the console, as named steps in order: first start, Integrations, add, import and
 * resubscribe, a run, each conflict kind resolved, the layout wizard's Add and Undo, Connection. Each step ends in
 * the state its screenshot shows. Steps find their targets by node id (the views in {@code ui/*}).
 */
final class AdminPath {
    static final String ADDED = "tour.admin@example.com";
    static final String WIZARD = "Put the opt-out field on the page layouts";

    /** How the tour settles one conflict of each kind; Not in Salesforce is linked through the match list. */
    private static final Map<ConflictKind, String> RESOLUTION = Map.of(
            ConflictKind.RESUBSCRIBED_IN_SALESFORCE, "keep-unsubscribed",
            ConflictKind.NOT_IN_SALESFORCE, "link",
            ConflictKind.WRITE_REJECTED, "retry",
            ConflictKind.RECORD_DELETED, "dismiss",
            ConflictKind.FIELD_UNAVAILABLE, "recheck");
    /** A surname of the demo org's people: the Link match list finds records of another address by it. */
    private static final String DEMO_SURNAME = "Castillo";

    private static final String IMPORT = "Import unsubscribes from a CSV file";

    private AdminPath() {}

    /**
     * @param textPercent       the text size the tour sets with Ctrl+= before anything else
     * @param csv               a file for the CSV import (";" between fields, an "Email Address" header), with a bad
     *                          row among good ones
     * @param everyConflictKind whether a kind without a pending conflict fails the tour (else it is skipped)
     */
    static List<TourStep> steps(int textPercent, Path csv, boolean everyConflictKind) {
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep("starting", t -> {
            if (t.maybe(n -> "starting".equals(n.getId())).isEmpty()) {
                t.skip("the start-up window had closed before the first look");
            }
        }));
        steps.add(new TourStep("welcome", t -> {
            t.await(
                    "the console after its first start",
                    Duration.ofMinutes(3),
                    () -> t.maybe(n -> "welcome".equals(n.getId())).isPresent());
            textSize(t, textPercent);
        }));
        steps.add(new TourStep("integrations", t -> {
            t.click("welcome-dismiss");
            t.await(
                    "the welcome to close",
                    () -> t.maybe(n -> "welcome".equals(n.getId())).isEmpty());
            t.click("tab-integrations");
            t.visible("run-now");
            t.await(
                    "the requirements checklist",
                    () -> !((javafx.scene.layout.Pane) t.visible("requirements"))
                            .getChildren()
                            .isEmpty());
        }));
        steps.add(new TourStep("more-settings", t -> {
            // The card is taller than the window at large text: typing scrolls its field into view.
            t.visible("more-settings");
            String reserve = Setting.API_RESERVE_PERCENT.key();
            String now = t.onFx(() -> ((TextInputControl) t.visible(reserve)).getText());
            t.type(reserve, "20".equals(now) ? "25" : "20");
            t.click("settings-save");
            t.await("the settings to be saved", () -> {
                Labeled status = (Labeled) t.visible("settings-status");
                return status.getText() != null && !status.getText().isBlank();
            });
        }));
        steps.add(new TourStep("more-settings-bulk-query", t -> {
            // Scrolled back up to the Bulk settings as the admin would, into the read's threshold (ADR 0078).
            t.click(Setting.BULK_QUERY_FROM.key());
        }));
        steps.add(new TourStep("unsubscribes", t -> {
            t.click("tab-unsubscribes");
            t.find("a row of the unsubscribe list", AdminPath::filledRow);
        }));
        steps.add(new TourStep("add-refused", t -> {
            t.click("add");
            t.dialog("Add an unsubscribe");
            t.type("add-email", "not an address");
            t.await("the refusal under the address", () -> {
                Labeled refusal = (Labeled) t.visible("add-refusal");
                return !refusal.getText().isBlank();
            });
            t.await("Add to stay disabled", () -> t.visible("add-confirm").isDisabled());
        }));
        steps.add(new TourStep("unsubscribe-added", t -> {
            Stage dialog = t.dialog("Add an unsubscribe");
            t.type("add-email", ADDED);
            t.click("add-confirm");
            t.gone(dialog);
            t.type("search", "tour.admin");
            t.find(ADDED + " in the list", AdminPath::added);
        }));
        steps.add(new TourStep("import-choose-file", t -> {
            t.type("search", "");
            // The GTK file chooser is a native window: the robot types its path with xdotool.
            t.click("import");
            t.xdotool("search", "--sync", "--onlyvisible", "--name", IMPORT, "windowfocus", "--sync");
            // Ctrl+L opens the chooser's location box first: a typed "/" opens it too, but a busy machine loses the
            // letters typed while it opens.
            t.xdotool(
                    "key",
                    "ctrl+l",
                    "sleep",
                    "0.5",
                    "type",
                    "--delay",
                    "40",
                    csv.toAbsolutePath().toString());
        }));
        steps.add(new TourStep("import-columns", t -> {
            t.xdotool("key", "Return");
            t.dialog(IMPORT);
            t.visible("import-delimiter");
            t.visible("import-preview");
            t.await(
                    "the Email Address column chosen for the address",
                    () -> ((ComboBox<?>) t.visible("import-column-email")).getValue() != null);
        }));
        steps.add(new TourStep("import-review", t -> {
            t.click("import-check");
            t.visible("bad-rows");
            t.visible("save-bad-rows");
        }));
        steps.add(new TourStep("imported", t -> {
            // The import says what it wrote while its window is still open; the window closes after OK.
            t.click("import-write");
            t.dialog("Import CSV");
        }));
        steps.add(new TourStep("filtered", t -> {
            Stage wizard = t.dialog(IMPORT);
            Stage done = t.dialog("Import CSV");
            t.press(done, ButtonData.OK_DONE);
            t.gone(done);
            t.gone(wizard);
            t.click("filter-unsubscribed");
            t.type("search", "tour");
            t.find(
                    "an imported address in the list",
                    n -> n instanceof Labeled l && "tour.import.one@example.com".equals(l.getText()));
        }));
        steps.add(new TourStep("resubscribe-dialog", t -> {
            t.type("search", ADDED);
            onlyAdded(t);
            selectAdded(t);
            t.click("resubscribe");
            t.dialog("Resubscribe");
            t.type("resubscribe-reason", "Asked to be emailed again");
        }));
        steps.add(new TourStep("resubscribed", t -> {
            Stage dialog = t.dialog("Resubscribe");
            t.click("resubscribe-confirm");
            t.gone(dialog);
            t.dialog("Resubscribe");
        }));
        steps.add(new TourStep("filter-resubscribed", t -> {
            Stage said = t.dialog("Resubscribe");
            t.press(said, ButtonData.OK_DONE);
            t.gone(said);
            t.click("filter-resubscribed");
            onlyAdded(t);
            selectAdded(t);
            t.visible("uncheck-salesforce");
        }));
        steps.add(new TourStep("uncheck-in-salesforce", t -> {
            t.click("uncheck-salesforce");
            t.dialog("Uncheck in Salesforce");
        }));
        steps.add(new TourStep("run", t -> {
            Stage asked = t.dialog("Uncheck in Salesforce");
            Optional<Node> uncheck = t.maybe(n -> n instanceof Button b
                    && n.getScene() == asked.getScene()
                    && CutOff.shown(b).startsWith("Uncheck"));
            Stage said = asked;
            if (uncheck.isPresent()) {
                t.click(uncheck.get());
                t.gone(asked);
                said = t.dialog("Uncheck in Salesforce");
            }
            t.press(said, ButtonData.OK_DONE);
            t.gone(said);
            t.click("filter-all");
            t.type("search", "");
            t.click("tab-integrations");
            t.click("run-now");
            t.await("the run's outcome", () -> {
                Labeled outcome = (Labeled) t.visible("run-outcome");
                return outcome.getText() != null && !outcome.getText().isBlank();
            });
        }));
        steps.add(new TourStep("sync-history", t -> {
            t.click("nav-history");
            t.await(
                    "two runs in the history",
                    () -> ((TableView<?>) t.visible("runs")).getItems().size() >= 2);
            t.click(firstCell(t, "runs", "the newest run"));
        }));
        steps.add(new TourStep("run-detail", t -> {
            t.click("open-run");
            t.visible("run-detail");
            t.visible("run-back");
        }));
        steps.add(new TourStep("conflicts", t -> {
            t.click("run-back");
            t.click("nav-conflicts");
            t.await(
                    "the conflict kinds",
                    () -> !((javafx.scene.control.ListView<?>) t.visible("conflict-kinds"))
                            .getItems()
                            .isEmpty());
        }));
        for (ConflictKind kind : ConflictKind.values()) {
            conflict(steps, kind, everyConflictKind);
        }
        steps.add(new TourStep("wizard-overview", t -> {
            t.click("nav-unsubscribes");
            t.click("tab-integrations");
            t.click("fix-open-layout-steps");
            t.dialog(WIZARD);
            t.visible("overview-contact");
        }));
        steps.add(new TourStep("wizard-add-for-me", t -> {
            t.press(t.dialog(WIZARD), ButtonData.NEXT_FORWARD);
            t.visible("add-for-me-page-contact");
        }));
        steps.add(new TourStep("wizard-add-confirmation", t -> {
            t.click("add-for-me-contact");
            t.visible("confirm-layout-change-ok");
        }));
        steps.add(new TourStep("wizard-added", t -> {
            t.click("confirm-layout-change-ok");
            t.visible("undo-contact");
        }));
        steps.add(new TourStep("wizard-undo-confirmation", t -> {
            t.click("undo-contact");
            t.visible("confirm-layout-change-ok");
        }));
        steps.add(new TourStep("wizard-undone", t -> {
            t.click("confirm-layout-change-ok");
            t.await(
                    "Undo to be done",
                    () -> t.maybe(n -> "undo-contact".equals(n.getId())).isEmpty());
        }));
        steps.add(new TourStep("connection", t -> {
            Stage wizard = t.dialog(WIZARD);
            t.press(wizard, ButtonData.CANCEL_CLOSE);
            t.gone(wizard);
            t.click("nav-connection");
            t.await("the connection's state", () -> {
                Labeled state = (Labeled) t.visible("connection-state");
                return state.getText() != null
                        && !state.getText().isBlank()
                        && !state.getText().startsWith("Checking");
            });
        }));
        steps.add(new TourStep("connection-guide", t -> {
            t.click("how-to-connect");
            t.visible("connect-guide");
        }));
        steps.add(new TourStep("links-and-keys", t -> {
            t.click("nav-links");
            t.visible("api-keys");
            t.visible("make-link");
        }));
        steps.add(new TourStep("link-made", t -> {
            t.type("base-url", "https://unsubscribe.example.com");
            t.type("link-email", ADDED);
            t.click("make-link");
            t.await("the link", () -> {
                javafx.scene.control.TextInputControl url =
                        (javafx.scene.control.TextInputControl) t.visible("link-url");
                return url.getText() != null && url.getText().startsWith("https://unsubscribe.example.com/u/");
            });
        }));
        return steps;
    }

    /**
     * Steps per kind: one of its conflicts selected with its explanation, then settled by the kind's action (through
     * the match list for a link); the first kind's decision is undone once and taken again.
     */
    private static void conflict(List<TourStep> steps, ConflictKind kind, boolean required) {
        boolean[] present = {false};
        String action = RESOLUTION.get(kind);
        steps.add(new TourStep("conflict-" + kind.key(), t -> {
            present[0] = pending(t, kind) > 0;
            if (!present[0]) {
                if (required) {
                    throw new AssertionError("the demo org holds no pending \"" + kind.title() + "\" conflict");
                }
                t.skip("no pending \"" + kind.title() + "\" conflict to resolve");
                return;
            }
            select(t, kind);
        }));
        if (action.equals("link")) {
            steps.add(new TourStep("conflict-" + kind.key() + "-matches", t -> {
                if (!present[0]) {
                    t.skip("nothing selected");
                    return;
                }
                t.click("action-link");
                t.visible("link-panel");
                t.type("link-search", DEMO_SURNAME);
                t.click("link-search-button");
                t.await(
                        "records named " + DEMO_SURNAME,
                        () -> !((TableView<?>) t.visible("link-matches"))
                                .getItems()
                                .isEmpty());
                t.click(firstCell(t, "link-matches", "the first match"));
                // The demo person's address is no record's, so the match list warns before the link.
                t.visible("link-warning");
            }));
        }
        steps.add(new TourStep("conflict-" + kind.key() + "-resolved", t -> {
            if (!present[0]) {
                t.skip("nothing selected");
                return;
            }
            long before = pending(t, kind);
            t.click(action.equals("link") ? "link-confirm" : "action-" + action);
            t.await("one " + kind.title() + " conflict fewer", () -> pending(t, kind) < before);
        }));
        if (kind == ConflictKind.values()[0]) {
            steps.add(new TourStep("conflict-" + kind.key() + "-undone", t -> {
                if (!present[0]) {
                    t.skip("nothing resolved");
                    return;
                }
                long before = pending(t, kind);
                t.click("undo");
                t.await("the " + kind.title() + " conflict pending again", () -> pending(t, kind) > before);
                select(t, kind);
                t.click("action-" + action);
                t.await("the " + kind.title() + " conflict resolved again", () -> pending(t, kind) == before);
            }));
        }
    }

    /** The kind's pending count, as its cell's badge says. */
    private static long pending(Tour t, ConflictKind kind) throws Exception {
        Node cell = t.visible("kind-" + kind.key());
        return t.onFx(() -> ((ListCell<?>) cell).getGraphic() instanceof Label count
                        && !count.getText().isBlank()
                ? Long.parseLong(count.getText())
                : 0L);
    }

    private static void select(Tour t, ConflictKind kind) throws Exception {
        t.click("kind-" + kind.key());
        // On its address, as an admin does: at double text the row runs past the window's edge (the table scrolls
        // sideways), so its middle is not where anyone clicks.
        t.click(t.find(
                "the address of a " + kind.title() + " conflict in the list",
                n -> n instanceof TableCell<?, ?> cell
                        && cell.getTableRow() != null
                        && cell.getTableRow().getItem() != null
                        && cell.getTableView() != null
                        && "conflicts".equals(cell.getTableView().getId())
                        && cell.getTableColumn()
                                == cell.getTableView().getColumns().get(0)));
        t.visible("action-" + RESOLUTION.get(kind));
    }

    /**
     * The first cell of a table's first row: a row may be wider than its table (it scrolls sideways at large text),
     * so its middle can lie past the window while its first cell is in view.
     */
    private static Node firstCell(Tour t, String table, String what) throws Exception {
        return t.find(
                what,
                n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getIndex() == 0
                        && !cell.isEmpty()
                        && cell.getTableView() != null
                        && table.equals(cell.getTableView().getId())
                        && cell.getTableColumn()
                                == cell.getTableView().getColumns().get(0));
    }

    private static boolean added(Node node) {
        return node instanceof Labeled l && ADDED.equals(l.getText()) && inTable(node, "unsubscribes");
    }

    private static boolean inTable(Node node, String id) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof TableView<?> table) {
                return id.equals(table.getId());
            }
        }
        return false;
    }

    /** The list reloads after a search or filter: a click before it would select a row that then goes away. */
    private static void onlyAdded(Tour t) throws Exception {
        t.await("the list to show only " + ADDED, () -> {
            Labeled total = (Labeled) t.visible("total");
            return total.getText() != null && total.getText().startsWith("1 matching \"" + ADDED);
        });
    }

    /**
     * Clicks the added address's row and waits for its card. Where the click does not select it (seen at 200 % text
     * in 1024x700, where the list is one row high), the row is selected as the keyboard would and the report says so.
     */
    private static void selectAdded(Tour t) throws Exception {
        t.clickTop(t.find(ADDED + " in the list", AdminPath::added));
        try {
            historyCardOf(t, ADDED, Duration.ofSeconds(5));
        } catch (AssertionError notSelected) {
            t.note("a click on the row of " + ADDED + " did not select it (the list is too low to click); selected "
                    + "as the keyboard would");
            TableView<?> table = (TableView<?>) t.visible("unsubscribes");
            t.onFx(() -> {
                table.requestFocus();
                table.getSelectionModel().select(0);
                return null;
            });
            historyCardOf(t, ADDED, Duration.ofSeconds(30));
        }
    }

    private static void historyCardOf(Tour t, String email, Duration patience) throws Exception {
        // The title breaks a long address after its @ or dots to fit the card; the person's line comes once read.
        t.await("the History card of " + email, patience, () -> {
            String title = ((Labeled) t.visible("history-title")).getText();
            String person = ((Labeled) t.visible("history-person")).getText();
            return title != null
                    && title.replaceAll("[\\s\u200b]", "").contains(email)
                    && person != null
                    && !person.isBlank();
        });
    }

    private static boolean filledRow(Node node) {
        return node instanceof TableRow<?> row
                && row.getItem() != null
                && row.getTableView() != null
                && "unsubscribes".equals(row.getTableView().getId());
    }

    /** Ctrl+= until the header's text-size menu says the wanted size. */
    private static void textSize(Tour t, int percent) throws Exception {
        Labeled menu = (Labeled) t.visible("text-size");
        int now = percentOf(menu);
        while (now < percent) {
            t.keys(KeyCode.CONTROL, KeyCode.EQUALS);
            int next = percentOf(menu);
            if (next <= now) {
                throw new AssertionError(
                        "the text stops growing at " + now + " % (Ctrl+=), short of " + percent + " %");
            }
            now = next;
        }
        if (now != percent) {
            throw new AssertionError("Ctrl+= goes past " + percent + " % to " + now + " %");
        }
    }

    private static int percentOf(Labeled menu) {
        return Integer.parseInt(menu.getText().replaceAll("[^0-9]", ""));
    }
}
