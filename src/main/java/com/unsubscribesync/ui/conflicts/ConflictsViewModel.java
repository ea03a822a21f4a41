package com.unsubscribesync.ui.conflicts;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.sync.ConflictResolver;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.ShownLists;
import com.unsubscribesync.usecase.ResolveConflict;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The conflict inbox: open conflicts grouped by kind, their explanation, and the admin's actions. */
public final class ConflictsViewModel {
    private static final int SHOWN = 500;

    private final ResolveConflict conflicts;
    private final PageLayouts layouts;
    private final ZoneId zone;
    private final Consumer<Throwable> failed;
    private final Background background;
    private final DialogService dialogs;
    private final ObservableList<KindCount> kinds = FXCollections.observableArrayList();
    private final ObjectProperty<ConflictKind> kind = new SimpleObjectProperty<>();
    private final ObservableList<ConflictRow> open = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> resolved = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> selection = FXCollections.observableArrayList();
    private final SimpleStringProperty detail = new SimpleStringProperty("");
    private final ObservableList<Action> actions = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<ConflictKind, Long> counts =
            FXCollections.observableMap(new java.util.EnumMap<>(ConflictKind.class));
    private final SimpleStringProperty undoMessage = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty undoable = new javafx.beans.property.SimpleBooleanProperty();
    private List<ConflictResolver.Resolved> lastDone = List.of();
    private final LinkRecordModel link;

    /** A kind and how many of it are open. */
    public record KindCount(ConflictKind kind, long count) {
        @Override
        public String toString() {
            return kind.title() + " (" + count + ")";
        }
    }

    /** An action of the product's table for a kind, in the admin's words. */
    public record Action(String key, String label) {}

    /**
     * @param layouts for the layout wizard, opened from a field-unavailable conflict
     * @param zone    the admin's own time zone, in which times are shown
     */
    public ConflictsViewModel(
            ResolveConflict conflicts, PageLayouts layouts, ZoneId zone, Background background, DialogService dialogs) {
        this.conflicts = conflicts;
        this.layouts = layouts;
        this.zone = zone;
        this.background = background;
        this.dialogs = dialogs;
        this.failed = Failures.shownIn(dialogs, "Conflicts");
        kind.addListener((o, was, now) -> {
            actions.setAll(now == null ? List.of() : actionsOf(now));
            refresh();
        });
        selection.addListener((javafx.collections.ListChangeListener<ConflictRow>) c -> describeSelection());
        link = new LinkRecordModel(
                conflicts,
                background,
                dialogs,
                (row, id) -> carryOut(
                        new Action(row.kind() == ConflictKind.RECORD_DELETED ? "relink" : "link", "Link to a record"),
                        List.of(row),
                        Optional.of(id),
                        Optional.empty()));
    }

    static List<Action> actionsOf(ConflictKind kind) {
        List<Action> list = new ArrayList<>();
        for (String key : ResolveConflict.actions(kind)) {
            list.add(new Action(
                    key,
                    switch (key) {
                        case "keep-unsubscribed" -> "_Keep unsubscribed (re-apply)";
                        case "resubscribe" -> "Re_subscribe here too…";
                        case "link" -> "_Link to a record…";
                        case "relink" -> "Re-_link…";
                        case "retry" -> "_Retry now";
                        case "recheck" -> "_Check the field again";
                        case "dismiss" -> "_Dismiss";
                        default -> key;
                    }));
        }
        if (kind == ConflictKind.FIELD_UNAVAILABLE) {
            list.add(0, new Action("layout-steps", "Open the layout _wizard"));
        }
        return list;
    }

    private record Loaded(Map<ConflictKind, Long> counts, List<Conflict> open, List<Conflict> resolved) {}

    public void refresh() {
        refresh(false);
    }

    /**
     * Reads the counts and the shown kind's conflicts. The inbox opens on the first kind with pending conflicts and
     * keeps the admin's kind; after an action that emptied it, it moves on to the next kind with conflicts.
     */
    private void refresh(boolean afterAction) {
        ConflictKind wanted = kind.get();
        background.submit(
                p -> new Loaded(
                        conflicts.openCountsByKind(),
                        conflicts.open(Optional.ofNullable(wanted), SHOWN),
                        conflicts.recentlyResolved(50)),
                loaded -> {
                    List<KindCount> listed = new ArrayList<>();
                    loaded.counts().forEach((k, n) -> listed.add(new KindCount(k, n)));
                    counts.putAll(loaded.counts());
                    ShownLists.update(kinds, listed);
                    ShownLists.update(resolved, rows(loaded.resolved()));
                    Optional<ConflictKind> move =
                            wanted == null || afterAction && loaded.counts().get(wanted) == 0
                                    ? nextWithConflicts(wanted, loaded.counts())
                                    : Optional.empty();
                    if (move.isPresent() && move.get() != wanted) {
                        kind.set(move.get());
                    } else if (wanted == kind.get()) {
                        ShownLists.update(open, rows(loaded.open()));
                    }
                },
                failed);
    }

    /** The first kind with conflicts after {@code from} (from the top without one), going round. */
    private static Optional<ConflictKind> nextWithConflicts(ConflictKind from, Map<ConflictKind, Long> counts) {
        ConflictKind[] all = ConflictKind.values();
        int start = from == null ? 0 : from.ordinal() + 1;
        for (int i = 0; i < all.length; i++) {
            ConflictKind candidate = all[(start + i) % all.length];
            if (counts.getOrDefault(candidate, 0L) > 0) {
                return Optional.of(candidate);
            }
        }
        return from == null ? Optional.of(all[0]) : Optional.empty();
    }

    private List<ConflictRow> rows(List<Conflict> conflicts) {
        return conflicts.stream().map(c -> ConflictRow.of(c, zone)).toList();
    }

    private void describeSelection() {
        if (selection.isEmpty()) {
            detail.set("Select a conflict to see what happened and what you can do.");
        } else if (selection.size() == 1) {
            ConflictRow row = selection.get(0);
            detail.set(row.kind().title() + (row.email().isEmpty() ? "" : " — " + row.email()) + "\n"
                    + row.explanation() + (row.statusCode().isEmpty() ? "" : "\nSalesforce said: " + row.statusCode()));
        } else {
            detail.set(selection.size() + " conflicts selected; an action applies to each of them.");
        }
    }

    /** Carries out an action on every selected conflict, asking once for what it needs. */
    public void act(Action action) {
        List<ConflictRow> targets = List.copyOf(selection);
        if (action.key().equals("layout-steps")) {
            new com.unsubscribesync.ui.layouts.LayoutWizardLauncher(layouts, background, dialogs, inspection -> {})
                    .open("the opt-out field");
            return;
        }
        if (targets.isEmpty()) {
            dialogs.info("Conflicts", "Select one or more conflicts first.");
            return;
        }
        Optional<String> reason = Optional.empty();
        Optional<String> record = Optional.empty();
        if (action.key().equals("resubscribe")) {
            reason = dialogs.askText(
                    "Resubscribe",
                    "Why may " + (targets.size() == 1 ? targets.get(0).email() : targets.size() + " people")
                            + " be emailed again? The reason is kept in their history. "
                            + "Salesforce must be unchecked too, or the next run re-applies the opt-out.",
                    "Reason");
            try {
                reason = reason.flatMap(text -> FreeText.reason("the reason", text));
            } catch (InvalidInputException e) {
                dialogs.error("Resubscribe", "Nothing was changed: " + e.getMessage() + ".");
                return;
            }
            if (reason.isEmpty()) {
                return;
            }
        }
        if (action.key().equals("link") || action.key().equals("relink")) {
            if (targets.size() != 1) {
                dialogs.info("Link to a record", "Link one conflict at a time: each needs its own Lead or Contact.");
                return;
            }
            link.start(targets.get(0));
            return;
        }
        carryOut(action, targets, record, reason);
    }

    private void carryOut(Action action, List<ConflictRow> targets, Optional<String> record, Optional<String> reason) {
        Optional<String> why = reason;
        Optional<String> id = record;
        background.submit(
                p -> {
                    ResolveConflict.Outcome resolved = conflicts.resolveEach(
                            targets.stream().map(ConflictRow::id).toList(), action.key(), id, why);
                    List<String> problems = targets.stream()
                            .filter(row -> resolved.refused().containsKey(row.id()))
                            .map(row -> (row.email().isEmpty() ? "#" + row.id() : row.email()) + ": "
                                    + resolved.refused().get(row.id()))
                            .toList();
                    return new Outcome(resolved.done(), problems);
                },
                outcome -> {
                    remember(action, outcome.done());
                    if (!outcome.problems().isEmpty()) {
                        dialogs.showList(
                                "Some conflicts were not resolved", "These stay in the list:", outcome.problems());
                    }
                    refresh(true);
                },
                failed);
    }

    private record Outcome(List<ConflictResolver.Resolved> done, List<String> problems) {}

    /** Keeps the last action, to be undone, and says what it did. */
    private void remember(Action action, List<ConflictResolver.Resolved> done) {
        lastDone = done.stream().filter(ConflictResolver.Resolved::undoable).toList();
        undoable.set(!lastDone.isEmpty());
        if (done.isEmpty()) {
            return;
        }
        String who = done.size() == 1
                ? done.get(0)
                        .conflict()
                        .email()
                        .map(Object::toString)
                        .orElse(done.get(0).conflict().kind().title())
                : Formats.plural(done.size(), "conflict", "conflicts");
        undoMessage.set(plainLabel(action) + ": " + who + "."
                + (lastDone.isEmpty()
                        ? " A resubscribe is not undone "
                                + "here; unsubscribe the person again on the Unsubscribes tab if it was a mistake."
                        : ""));
    }

    /** Takes the last action back: its conflicts are pending again exactly as they were. */
    public void undo() {
        List<ConflictResolver.Resolved> undoing = lastDone;
        if (undoing.isEmpty()) {
            return;
        }
        lastDone = List.of();
        undoable.set(false);
        background.submit(
                p -> {
                    List<String> problems = new ArrayList<>();
                    for (ConflictResolver.Resolved resolved : undoing) {
                        try {
                            conflicts.undo(resolved);
                        } catch (IllegalArgumentException | IllegalStateException e) {
                            problems.add(resolved.conflict()
                                            .email()
                                            .map(Object::toString)
                                            .orElse("#" + resolved.conflict().id())
                                    + ": " + e.getMessage());
                        }
                    }
                    return problems;
                },
                problems -> {
                    undoMessage.set(
                            problems.isEmpty()
                                    ? "Undone: " + Formats.plural(undoing.size(), "conflict is", "conflicts are")
                                            + " pending again."
                                    : "");
                    if (!problems.isEmpty()) {
                        dialogs.showList("Some conflicts were not reopened", "These stay resolved:", problems);
                    }
                    ConflictKind back = undoing.get(0).conflict().kind();
                    if (kind.get() != back) {
                        kind.set(back);
                    } else {
                        refresh();
                    }
                },
                failed);
    }

    private static String plainLabel(Action action) {
        return action.label().replace("_", "").replace("…", "").replace(" (re-apply)", "");
    }

    public ObservableList<KindCount> kinds() {
        return kinds;
    }

    public ObjectProperty<ConflictKind> kindProperty() {
        return kind;
    }

    public ObservableList<ConflictRow> open() {
        return open;
    }

    public ObservableList<ConflictRow> resolved() {
        return resolved;
    }

    public ObservableList<ConflictRow> selection() {
        return selection;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ObservableList<Action> actions() {
        return actions;
    }

    /** The match list of Link to a record / Re-link. */
    public LinkRecordModel link() {
        return link;
    }

    /** Pending conflicts of each kind, as last read. */
    public javafx.collections.ObservableMap<ConflictKind, Long> counts() {
        return counts;
    }

    /** What the last action did, or that it was undone. */
    public ReadOnlyStringProperty undoMessageProperty() {
        return undoMessage;
    }

    /** Whether {@link #undo} has something to take back. */
    public javafx.beans.property.ReadOnlyBooleanProperty undoableProperty() {
        return undoable;
    }
}
