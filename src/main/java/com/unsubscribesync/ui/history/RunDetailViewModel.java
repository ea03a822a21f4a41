package com.unsubscribesync.ui.history;

import com.unsubscribesync.store.RunDetail;
import com.unsubscribesync.store.RunRecord;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.usecase.SyncOverview;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One run opened from the history: the records it pushed, imported and failed on, each a link into Salesforce. */
public final class RunDetailViewModel {
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz", Locale.ENGLISH);

    private final SyncOverview overview;
    private final ZoneId zone;
    private final Background background;
    private final DialogService dialogs;
    private final Consumer<String> browser;
    private final BooleanProperty showing = new SimpleBooleanProperty(false);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<RecordRow> pushed = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> imported = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> failed = FXCollections.observableArrayList();
    private final StringProperty morePushed = new SimpleStringProperty("");
    private final StringProperty moreImported = new SimpleStringProperty("");
    private final StringProperty moreFailed = new SimpleStringProperty("");
    private final StringProperty pushedTitle = new SimpleStringProperty("Pushed");
    private final StringProperty importedTitle = new SimpleStringProperty("Imported");
    private final StringProperty failedTitle = new SimpleStringProperty("Failed");

    /** @param browser opens a record's page in Salesforce */
    public RunDetailViewModel(
            SyncOverview overview,
            ZoneId zone,
            Background background,
            DialogService dialogs,
            Consumer<String> browser) {
        this.overview = overview;
        this.zone = zone;
        this.background = background;
        this.dialogs = dialogs;
        this.browser = browser;
    }

    /** Reads the run in the background and shows it. */
    public void open(long runId) {
        background.submit(
                p -> overview.run(runId),
                detail -> detail.ifPresentOrElse(
                        this::show, () -> dialogs.error("Sync history", "Run #" + runId + " is no longer recorded.")),
                e -> dialogs.error("Sync history", "Run #" + runId + " could not be read: " + e.getMessage()));
    }

    private void show(RunDetail detail) {
        SyncRun run = detail.run();
        title.set("Run #" + run.id() + " — " + RunRow.from(run) + " — " + RunRow.outcome(run));
        SyncRun.Counts counts = run.counts();
        summary.set("Started " + SECOND.format(run.startedAt().atZone(zone))
                + run.endedAt()
                        .map(end -> ", took " + Formats.duration(Duration.between(run.startedAt(), end)))
                        .orElse("")
                + ". Pulled " + Formats.count(counts.pulled()) + ", pushed "
                + Formats.count(counts.pushed()) + ", imported " + Formats.count(counts.imported()) + ", failed "
                + Formats.count(run.failed()) + ", "
                + Formats.plural(counts.conflicts(), "new conflict", "new conflicts") + ", "
                + Formats.plural(counts.apiCalls(), "API call", "API calls") + ".");
        message.set(run.message().orElse(""));
        pushed.setAll(rows(detail.pushed(), run));
        imported.setAll(rows(detail.imported(), run));
        failed.setAll(rows(detail.failed(), run));
        morePushed.set(more(detail.morePushed()));
        moreImported.set(more(detail.moreImported()));
        moreFailed.set(more(detail.moreFailed()));
        pushedTitle.set("Pushed (" + Formats.count(counts.pushed()) + ")");
        importedTitle.set("Imported (" + Formats.count(counts.imported()) + ")");
        failedTitle.set("Failed (" + Formats.count(run.failed()) + ")");
        showing.set(true);
    }

    private static List<RecordRow> rows(List<RunRecord> records, SyncRun run) {
        return records.stream().map(record -> RecordRow.of(record, run)).toList();
    }

    private static String more(int more) {
        return more == 0
                ? ""
                : "… and " + Formats.count(more) + " more (a run keeps the first "
                        + Formats.count(SyncRunRepository.DETAIL_CAP) + " of each list)";
    }

    /** Back to the list of runs. */
    public void close() {
        showing.set(false);
    }

    /** Opens the record's page in Salesforce, when the run knew its org's address. */
    public void openInSalesforce(RecordRow row) {
        row.url()
                .ifPresentOrElse(
                        browser,
                        () -> dialogs.info(
                                "Record in Salesforce",
                                "This run did not record "
                                        + "the org's address, so " + row.recordId()
                                        + " cannot be opened from here; search for it in "
                                        + "Salesforce."));
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ObservableList<RecordRow> pushed() {
        return pushed;
    }

    public ObservableList<RecordRow> imported() {
        return imported;
    }

    public ObservableList<RecordRow> failed() {
        return failed;
    }

    public ReadOnlyStringProperty morePushedProperty() {
        return morePushed;
    }

    public ReadOnlyStringProperty moreImportedProperty() {
        return moreImported;
    }

    public ReadOnlyStringProperty pushedTitleProperty() {
        return pushedTitle;
    }

    public ReadOnlyStringProperty importedTitleProperty() {
        return importedTitle;
    }

    public ReadOnlyStringProperty failedTitleProperty() {
        return failedTitle;
    }

    public ReadOnlyStringProperty moreFailedProperty() {
        return moreFailed;
    }
}
