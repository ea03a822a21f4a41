package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.InstallReport;
import com.unsubscribesync.layout.LayoutChange;
import com.unsubscribesync.layout.LayoutException;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.ui.Background;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The layout wizard's state: the latest inspection of the Contact and Lead layouts, and per object what the app
 * previewed, added and undid. Every call to the org runs in the background; results land here on the FX thread, and
 * each new inspection is handed to {@code inspected} so the requirements checklist follows at once.
 */
public final class LayoutWizardModel {
    /** The objects the wizard walks through, in order. */
    public static final List<SObjectType> OBJECTS = List.of(SObjectType.CONTACT, SObjectType.LEAD);

    private final PageLayouts layouts;
    private final Background background;
    private final Consumer<Inspection> inspected;
    private final ObjectProperty<Inspection> inspection = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final Map<SObjectType, ObjectWork> work = new EnumMap<>(SObjectType.class);

    public LayoutWizardModel(PageLayouts layouts, Background background, Consumer<Inspection> inspected) {
        this.layouts = layouts;
        this.background = background;
        this.inspected = inspected;
        for (SObjectType type : OBJECTS) {
            work.put(type, new ObjectWork());
        }
    }

    /** Reads the layouts (a recent inspection is reused); {@code then} runs once they are known. */
    public void load(Runnable then, Consumer<LayoutException> failed) {
        run(
                p -> layouts.inspect(),
                found -> {
                    show(found);
                    then.run();
                },
                failed);
    }

    /** The wizard's "Check now": reads every layout again, and says what that cost. */
    public void checkNow(SObjectType type) {
        run(
                p -> layouts.inspectNow(),
                found -> {
                    show(found);
                    say(type, "Checked just now: " + calls(found.apiCalls()) + ".");
                },
                e -> failed(type, e));
    }

    /** Shows the object as now kept, after a change: the reads the change made are reused, so it costs nothing. */
    public void refresh(SObjectType type) {
        run(p -> layouts.inspect(), this::show, e -> failed(type, e));
    }

    static String calls(long count) {
        return count == 1 ? "1 API call" : count + " API calls";
    }

    /** Where the field would go on the chosen layouts; writes nothing. */
    public void preview(SObjectType type, List<String> chosen) {
        ObjectWork object = work(type);
        run(
                p -> each(chosen, name -> layouts.preview(type, Optional.of(name))),
                changes -> {
                    object.preview.setAll(changes);
                    say(
                            type,
                            changes.isEmpty()
                                    ? "Choose at least one layout."
                                    : "Preview only: nothing was written yet.");
                },
                e -> failed(type, e));
    }

    /**
     * Adds the field to the chosen layouts in one run (every original kept first), then checks again. A run that
     * stopped part-way says which layouts were changed (each can be undone), which failed and which were not tried.
     */
    public void install(SObjectType type, List<String> chosen) {
        ObjectWork object = work(type);
        if (chosen.isEmpty()) {
            say(type, "Choose at least one layout.");
            return;
        }
        run(
                p -> layouts.install(type, chosen, false),
                report -> {
                    report.fieldNote().ifPresent(object.note::set);
                    List<LayoutChange> changes = report.layouts();
                    object.installed.setAll(changes);
                    List<LayoutChange> added = changes.stream()
                            .filter(c -> c.outcome() == LayoutChange.Outcome.ADDED)
                            .toList();
                    if (!added.isEmpty()) {
                        object.changes.add(added);
                    }
                    object.preview.clear();
                    List<String> problems =
                            changes.stream().flatMap(c -> c.problem().stream()).toList();
                    String outcome = added.isEmpty() && problems.isEmpty()
                            ? "The field was already there: nothing to save."
                            : "Saved: the field was added to " + plural(added.size()) + "."
                                    + (problems.isEmpty() ? "" : " " + String.join(" ", problems));
                    say(
                            type,
                            report.stoppedBecause()
                                    .map(why -> why + " Changed: " + names(report.labels(LayoutChange.Outcome.ADDED))
                                            + "; not tried: " + names(report.labels(LayoutChange.Outcome.NOT_TRIED))
                                            + ". Undo restores the changed ones.")
                                    .orElse(outcome));
                    refresh(type);
                },
                e -> failed(type, e));
    }

    private static String names(List<String> labels) {
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }

    /**
     * Takes back the most recent change the wizard made to the object: restores the layouts it added the field to,
     * as they were before. An earlier change stays undoable (ADR 0034).
     */
    public void undo(SObjectType type) {
        ObjectWork object = work(type);
        List<LayoutChange> last = object.lastChange();
        if (last.isEmpty()) {
            say(type, "Nothing to undo.");
            return;
        }
        List<String> added = last.stream().map(LayoutChange::fullName).toList();
        run(
                p -> {
                    List<String> restored = new ArrayList<>();
                    for (String name : added) {
                        restored.add(layouts.undo(type, name, false).label());
                    }
                    return restored;
                },
                restored -> {
                    object.changes.remove(last);
                    object.installed.clear();
                    say(
                            type,
                            "Undone: " + String.join(", ", restored) + " restored as they were."
                                    + (object.changes.isEmpty() ? "" : " Undo again to take back the change before."));
                    refresh(type);
                },
                e -> failed(type, e));
    }

    /** The text to send to a Salesforce admin about this object. */
    public void askYourAdmin(SObjectType type) {
        ObjectWork object = work(type);
        run(p -> layouts.askYourAdmin(type), object.adminRequest::set, e -> failed(type, e));
    }

    private List<LayoutChange> each(List<String> chosen, java.util.function.Function<String, InstallReport> call) {
        List<LayoutChange> changes = new ArrayList<>();
        for (String name : chosen) {
            InstallReport report = call.apply(name);
            changes.addAll(report.layouts());
            report.fieldNote().ifPresent(work(report.object()).note::set);
        }
        return changes;
    }

    private <T> void run(Background.Job<T> job, Consumer<T> done, Consumer<LayoutException> failed) {
        busy.set(true);
        background.submit(
                job,
                result -> {
                    busy.set(false);
                    done.accept(result);
                },
                e -> {
                    busy.set(false);
                    failed.accept(
                            e instanceof LayoutException layout
                                    ? layout
                                    : new LayoutException(
                                            LayoutException.Reason.UNREACHABLE,
                                            "Something went wrong ("
                                                    + e.getClass().getSimpleName()
                                                    + "). Details are in the log file."));
                });
    }

    private void show(Inspection found) {
        inspection.set(found);
        inspected.accept(found);
    }

    private void say(SObjectType type, String text) {
        work(type).message.set(text);
        message.set(text);
    }

    /** A failure about one object; without the permission, the text for the admin comes with it. */
    private void failed(SObjectType type, LayoutException e) {
        say(type, e.getMessage());
        if (e.reason() == LayoutException.Reason.NO_PERMISSION) {
            e.adminRequest().ifPresent(work(type).adminRequest::set);
        }
    }

    static String plural(long count) {
        return count == 1 ? "1 layout" : count + " layouts";
    }

    private ObjectWork work(SObjectType type) {
        return work.get(type);
    }

    /** The object as last inspected. */
    public Optional<ObjectLayouts> of(SObjectType type) {
        return Optional.ofNullable(inspection.get()).flatMap(i -> i.of(type));
    }

    /** Whether the connected user may change layouts, so the wizard can offer "Add it for me". */
    public boolean canModifyLayouts() {
        return inspection.get() != null && inspection.get().rights().canModifyLayouts();
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The latest outcome or problem, whichever object it was about. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The latest outcome or problem about this object only, which its pages show. */
    public ReadOnlyStringProperty message(SObjectType type) {
        return work(type).message;
    }

    /** The changes Undo can still take back, newest last. */
    public javafx.collections.ObservableList<List<LayoutChange>> undoable(SObjectType type) {
        return work(type).changes;
    }

    /** What Undo takes back next: the layouts of the most recent change. */
    public List<LayoutChange> lastChange(SObjectType type) {
        return work(type).lastChange();
    }

    /** Which org a change goes to and which layouts, for the admin to confirm first; empty before any check. */
    public Optional<LayoutWrite> write(SObjectType type, LayoutWrite.Kind kind, List<String> layoutLabels) {
        return Optional.ofNullable(inspection.get())
                .map(found -> new LayoutWrite(
                        kind,
                        type,
                        layoutLabels,
                        found.organizationName(),
                        found.rights().userName(),
                        found.instanceUrl(),
                        found.production()));
    }

    public javafx.collections.ObservableList<LayoutChange> preview(SObjectType type) {
        return work(type).preview;
    }

    public javafx.collections.ObservableList<LayoutChange> installed(SObjectType type) {
        return work(type).installed;
    }

    /** The layouts of the object the wizard added the field to, which Undo restores. */
    public List<LayoutChange> added(SObjectType type) {
        return work(type).added();
    }

    public ReadOnlyStringProperty adminRequest(SObjectType type) {
        return work(type).adminRequest;
    }

    /** A sentence about the field itself (hidden or read-only by field-level security) after a preview or save. */
    public ReadOnlyStringProperty fieldNote(SObjectType type) {
        return work(type).note;
    }
}
