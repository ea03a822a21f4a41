package com.unsubscribesync.tour;

import com.unsubscribesync.domain.ConflictKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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

    /** How the tour settles one conflict of each kind, with the product's action for it. */
    private static final Map<ConflictKind, String> RESOLUTION = Map.of(
            ConflictKind.RESUBSCRIBED_IN_SALESFORCE, "keep-unsubscribed",
            ConflictKind.NOT_IN_SALESFORCE, "dismiss",
            ConflictKind.WRITE_REJECTED, "retry",
            ConflictKind.RECORD_DELETED, "dismiss",
            ConflictKind.FIELD_UNAVAILABLE, "recheck");

    private AdminPath() {
    }

    /**
     * @param textPercent       the text size the tour sets with Ctrl+= before anything else
     * @param csv               a file for the CSV import, with a bad row among good ones
     * @param everyConflictKind whether a kind without a pending conflict fails the tour (else it is skipped)
     */
    static List<TourStep> steps(int textPercent, Path csv, boolean everyConflictKind) {
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep("welcome", t -> {
            t.visible("welcome");
            textSize(t, textPercent);
        }));
        steps.add(new TourStep("integrations", t -> {
            t.click("welcome-dismiss");
            t.await("the welcome to close", () -> t.maybe(n -> "welcome".equals(n.getId())).isEmpty());
            t.visible("tab-integrations");
            t.visible("run-now");
            t.await("the requirements checklist", () -> !((javafx.scene.layout.Pane) t.visible("requirements"))
                    .getChildren().isEmpty());
        }));
        steps.add(new TourStep("unsubscribes", t -> {
            t.click("tab-unsubscribes");
            t.find("a row of the unsubscribe list", AdminPath::filledRow);
        }));
        steps.add(new TourStep("add-refused", t -> {
            t.click("add");
            Stage dialog = t.dialog("Add an unsubscribe");
            t.type("add-email", "not an address");
            t.press(dialog, "Add");
            t.visible("add-refusal");
        }));
        steps.add(new TourStep("unsubscribe-added", t -> {
            Stage dialog = t.dialog("Add an unsubscribe");
            t.type("add-email", ADDED);
            t.press(dialog, "Add");
            t.gone(dialog);
            t.type("search", "tour.admin");
            t.find(ADDED + " in the list", n -> n instanceof Labeled l && ADDED.equals(l.getText()));
        }));
        steps.add(new TourStep("import-choose-file", t -> {
            t.type("search", "");
            // The GTK file chooser is a native window: the robot types its path with xdotool.
            t.click("import");
            t.xdotool("search", "--sync", "--onlyvisible", "--name", "Import unsubscribes from a CSV file",
                    "windowfocus", "--sync");
            t.xdotool("type", "--delay", "40", csv.toAbsolutePath().toString());
        }));
        steps.add(new TourStep("import-review", t -> {
            t.xdotool("key", "Return");
            t.dialog("Import CSV");
            t.find("the rows with a problem", n -> n instanceof Labeled l && "Rows with a problem:".equals(l.getText()));
        }));
        steps.add(new TourStep("imported", t -> {
            Stage review = t.dialog("Import CSV");
            t.press(review, "Import");
            t.gone(review);
            t.dialog("Import CSV");
        }));
        steps.add(new TourStep("resubscribe-dialog", t -> {
            Stage done = t.dialog("Import CSV");
            t.press(done, ButtonData.OK_DONE);
            t.gone(done);
            t.type("search", ADDED);
            t.click(t.find(ADDED + " in the list", n -> n instanceof Labeled l && ADDED.equals(l.getText())));
            t.find("the History card of " + ADDED, n -> n instanceof Label l && l.getText() != null
                    && l.getText().contains(ADDED));
            t.click("resubscribe");
            t.dialog("Resubscribe");
            t.write("Asked to be emailed again");
        }));
        steps.add(new TourStep("resubscribed", t -> {
            Stage dialog = t.dialog("Resubscribe");
            t.press(dialog, "Resubscribe");
            t.gone(dialog);
            t.dialog("Resubscribe");
        }));
        steps.add(new TourStep("run", t -> {
            Stage said = t.dialog("Resubscribe");
            t.press(said, ButtonData.OK_DONE);
            t.gone(said);
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
            t.await("two runs in the history", () -> ((TableView<?>) t.visible("runs")).getItems().size() >= 2);
        }));
        steps.add(new TourStep("conflicts", t -> {
            t.click("nav-conflicts");
            t.await("the conflict kinds", () -> !((javafx.scene.control.ListView<?>) t.visible("conflict-kinds"))
                    .getItems().isEmpty());
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
        steps.add(new TourStep("wizard-added", t -> {
            t.click("add-for-me-contact");
            confirmIfAsked(t);
            t.visible("undo-contact");
        }));
        steps.add(new TourStep("wizard-undone", t -> {
            t.click("undo-contact");
            confirmIfAsked(t);
            t.await("Undo to be done", () -> t.maybe(n -> "undo-contact".equals(n.getId())).isEmpty());
        }));
        steps.add(new TourStep("connection", t -> {
            Stage wizard = t.dialog(WIZARD);
            t.press(wizard, ButtonData.CANCEL_CLOSE);
            t.gone(wizard);
            t.click("nav-connection");
            t.await("the connection's state", () -> {
                Labeled state = (Labeled) t.visible("connection-state");
                return state.getText() != null && !state.getText().isBlank();
            });
        }));
        return steps;
    }

    /** Two steps per kind: one of its conflicts selected with its explanation, then settled by the kind's action. */
    private static void conflict(List<TourStep> steps, ConflictKind kind, boolean required) {
        boolean[] present = {false};
        steps.add(new TourStep("conflict-" + kind.key(), t -> {
            t.click("nav-conflicts");
            Node kinds = t.visible("conflict-kinds");
            Node cell = t.labeled(kinds, kind.title());
            long pending = ((ListCell<?>) cell).getGraphic() instanceof Label count && !count.getText().isBlank()
                    ? Long.parseLong(count.getText()) : 0;
            present[0] = pending > 0;
            if (!present[0]) {
                if (required) {
                    throw new AssertionError("the demo org holds no pending \"" + kind.title() + "\" conflict");
                }
                t.skip("no pending \"" + kind.title() + "\" conflict to resolve");
                return;
            }
            t.click(cell);
            t.click(t.find("a " + kind.title() + " conflict in the list", n -> n instanceof TableRow<?> row
                    && row.getItem() != null && row.getTableView() != null
                    && "conflicts".equals(row.getTableView().getId())));
            t.visible("action-" + RESOLUTION.get(kind));
        }));
        steps.add(new TourStep("conflict-" + kind.key() + "-resolved", t -> {
            if (!present[0]) {
                t.skip("nothing selected");
                return;
            }
            TableView<?> resolved = (TableView<?>) t.visible("resolved");
            int before = t.onFx(() -> resolved.getItems().size());
            t.click("action-" + RESOLUTION.get(kind));
            t.await("the conflict among the recently resolved", () -> resolved.getItems().size() > before);
        }));
    }

    private static boolean filledRow(Node node) {
        return node instanceof TableRow<?> row && row.getItem() != null && row.getTableView() != null
                && "unsubscribes".equals(row.getTableView().getId());
    }

    /** A confirmation before a metadata write (naming the org and the layouts) is answered yes, once shown. */
    private static void confirmIfAsked(Tour t) throws Exception {
        Tour.settle();
        for (javafx.stage.Window window : Tour.windows()) {
            if (window instanceof Stage stage && stage.isShowing() && !WIZARD.equals(stage.getTitle())
                    && stage.getOwner() != null) {
                t.press(stage, ButtonData.OK_DONE);
                t.gone(stage);
            }
        }
    }

    /** Ctrl+= until the header's text-size menu says the wanted size. */
    private static void textSize(Tour t, int percent) throws Exception {
        Labeled menu = (Labeled) t.visible("text-size");
        int now = percentOf(menu);
        while (now < percent) {
            t.keys(KeyCode.CONTROL, KeyCode.EQUALS);
            int next = percentOf(menu);
            if (next <= now) {
                throw new AssertionError("the text stops growing at " + now + " % (Ctrl+=), short of " + percent
                        + " %");
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
