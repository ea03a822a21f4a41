package com.unsubscribesync.ui.integrations;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.LatestRead;
import com.unsubscribesync.ui.imports.ImportKind;
import com.unsubscribesync.ui.imports.ImportSession;
import com.unsubscribesync.ui.imports.ImportWindow;
import com.unsubscribesync.ui.layouts.LayoutWizardLauncher;
import com.unsubscribesync.ui.settings.SettingsForm;
import com.unsubscribesync.usecase.ChangeSettings;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ImportPeople;
import com.unsubscribesync.usecase.OrgState;
import com.unsubscribesync.usecase.RunSync;
import com.unsubscribesync.usecase.SyncOverview;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Integrations tab: "Sync to Salesforce", its schedule, runs, field choice and the three requirements. */
public final class IntegrationsViewModel {
    private final ChangeSettings settings;
    private final SyncOverview overview;
    private final ConnectOrg connection;
    private final PageLayouts layouts;
    private final ImportPeople people;
    private final RunSync sync;
    private final Clock clock;
    private final ZoneId zone;
    private final Background background;
    private final LatestRead reads;
    private final DialogService dialogs;
    private final Consumer<Throwable> failed;

    private final BooleanProperty nightlySync = new SimpleBooleanProperty(false);
    private final ObjectProperty<OptOutField> field = new SimpleObjectProperty<>(OptOutField.EMAIL_OPT_OUT);
    private final StringProperty schedule = new SimpleStringProperty("");
    private final StringProperty lastRun = new SimpleStringProperty("");
    private final StringProperty nextRun = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final ObservableList<Requirement> requirements = FXCollections.observableArrayList();
    private final SettingsForm settingsForm;
    private boolean loading;
    private Background.Running current;

    /** What the Integrations tab reads and changes; built by the composition root. */
    public record Uses(
            ChangeSettings settings,
            SyncOverview overview,
            ConnectOrg connection,
            PageLayouts layouts,
            ImportPeople people,
            RunSync sync) {}

    /** @param zone the admin's own time zone, in which times are shown */
    public IntegrationsViewModel(Uses uses, Clock clock, ZoneId zone, Background background, DialogService dialogs) {
        this.settings = uses.settings();
        this.overview = uses.overview();
        this.connection = uses.connection();
        this.layouts = uses.layouts();
        this.people = uses.people();
        this.sync = uses.sync();
        this.clock = clock;
        this.zone = zone;
        this.background = background;
        this.reads = new LatestRead(background);
        this.dialogs = dialogs;
        this.failed = Failures.shownIn(dialogs, "Sync to Salesforce");
        this.settingsForm = new SettingsForm(settings, background, this::refresh, failed);
        nightlySync.addListener((o, was, on) -> {
            if (!loading) {
                save(s -> s.withNightlySync(on));
            }
        });
        field.addListener((o, was, chosen) -> {
            if (!loading && chosen != null) {
                save(s -> s.withField(chosen));
            }
        });
    }

    private record Snapshot(
            SyncSettings settings,
            Optional<SyncRun> lastRun,
            Optional<Instant> nextRun,
            long people,
            long linked,
            OrgState org,
            Optional<Inspection> layouts,
            Instant now) {}

    public void refresh() {
        reads.read(
                progressIgnored -> {
                    SyncOverview.Figures figures = overview.figures();
                    return new Snapshot(
                            figures.settings(),
                            figures.lastRun(),
                            figures.nextRun(),
                            figures.people(),
                            figures.linked(),
                            connection.check(),
                            layouts.lastInspection(),
                            clock.instant());
                },
                this::show,
                failed);
    }

    private void show(Snapshot snapshot) {
        loading = true;
        try {
            nightlySync.set(snapshot.settings().nightlySync());
            field.set(snapshot.settings().field());
        } finally {
            loading = false;
        }
        schedule.set(Formats.schedule(snapshot.now(), zone));
        lastRun.set(snapshot.lastRun()
                .map(run -> IntegrationsWording.lastRun(run, zone))
                .orElse(IntegrationsWording.NO_RUN));
        nextRun.set(snapshot.nextRun().map(at -> Formats.dateTime(at, zone)).orElse(IntegrationsWording.NIGHTLY_OFF));
        List<Requirement> now = Checklist.of(
                snapshot.settings(), snapshot.org(), snapshot.layouts(), snapshot.people(), snapshot.linked());
        // Read again as another node changes something, an unchanged checklist keeps its buttons under the mouse.
        if (!requirements.equals(now)) {
            requirements.setAll(now);
        }
        settingsForm.show(snapshot.settings(), snapshot.org());
    }

    private void save(java.util.function.UnaryOperator<SyncSettings> change) {
        background.submit(
                p -> {
                    settings.change(change);
                    return null;
                },
                saved -> refresh(),
                failed);
    }

    public void fix(Requirement requirement) {
        fix(requirement.fix());
    }

    /** One of the ways to fix a requirement, as its button says. */
    public void fix(Requirement.Fix way) {
        switch (way) {
            case ENABLE_NIGHTLY_SYNC -> nightlySync.set(true);
            case OPEN_LAYOUT_STEPS ->
                new LayoutWizardLauncher(layouts, background, dialogs, inspection -> refresh())
                        .open(
                                field.get() == OptOutField.EMAIL_OPT_OUT
                                        ? "Email Opt Out"
                                        : OptOutField.MARKETO_SALES_OPT_OUT_LABEL);
            case SHOW_PEOPLE_WITHOUT_ID -> showPeopleWithoutId();
            case INSTALL_PACKAGE ->
                dialogs.info(IntegrationsWording.INSTALL_PACKAGE_TITLE, IntegrationsWording.INSTALL_PACKAGE);
            case USE_EMAIL_OPT_OUT -> field.set(OptOutField.EMAIL_OPT_OUT);
            case SET_FIELD_API_NAME -> settingsForm.focus(Setting.FIELD_API_NAME);
            case NONE -> {}
        }
    }

    /** The checklist's "people without an ID" action: the one place to point it elsewhere. */
    public void showPeopleWithoutId() {
        background.submit(
                p -> people.withoutSalesforceId(200),
                people -> {
                    if (dialogs.showListWithAction(
                            IntegrationsWording.PEOPLE_WITHOUT_ID_TITLE,
                            IntegrationsWording.PEOPLE_WITHOUT_ID,
                            people.isEmpty()
                                    ? List.of("Everyone has an ID.")
                                    : people.stream()
                                            .map(person -> person.email().value()
                                                    + (person.displayName()
                                                                    .equals(person.email()
                                                                            .value())
                                                            ? ""
                                                            : " — " + person.displayName()))
                                            .toList(),
                            "Import people from CSV…")) {
                        importPeople();
                    }
                },
                failed);
    }

    /** The command line's {@code people import}, in the window: columns, check, bad rows, write. */
    public void importPeople() {
        dialogs.chooseCsvFile(ImportKind.PEOPLE.title())
                .ifPresent(file -> dialogs.showWizard(new ImportWindow(new ImportSession(
                        ImportKind.PEOPLE, file, people::importFile, background, report -> {
                            dialogs.info(ImportKind.PEOPLE.shortTitle(), IntegrationsWording.peopleImported(report));
                            refresh();
                        }))));
    }

    public void runNow() {
        start(false);
    }

    public void preview() {
        start(true);
    }

    private void start(boolean dryRun) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(-1);
        progressMessage.set(dryRun ? "Preparing the preview…" : "Starting the sync…");
        outcome.set("");
        current = background.submit(
                p -> sync.now(dryRun, false, new RunProgress() {
                    @Override
                    public void update(String phase, long done, long total) {
                        p.update(
                                phase
                                        + (total > 0
                                                ? " — " + Formats.count(done) + " of " + Formats.count(total)
                                                : done > 0 ? " — " + Formats.count(done) : ""),
                                total > 0 ? (double) done / total : -1);
                    }

                    @Override
                    public boolean cancelled() {
                        return p.cancelled();
                    }
                }),
                report -> finished(report),
                e -> {
                    running.set(false);
                    outcome.set("");
                    failed.accept(e);
                });
        current.onProgress(report -> {
            progress.set(report.fraction());
            progressMessage.set(report.message());
        });
    }

    private void finished(RunReport report) {
        running.set(false);
        progress.set(1);
        progressMessage.set("");
        if (report.dryRun()) {
            outcome.set(IntegrationsWording.previewOutcome(report));
            dialogs.showList(
                    "Preview of the next run",
                    IntegrationsWording.previewIntro(report),
                    IntegrationsWording.previewLines(report));
        } else {
            outcome.set(IntegrationsWording.runOutcome(report));
        }
        refresh();
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            progressMessage.set("Stopping after the current batch…");
        }
    }

    public BooleanProperty nightlySyncProperty() {
        return nightlySync;
    }

    public ObjectProperty<OptOutField> fieldProperty() {
        return field;
    }

    public ReadOnlyStringProperty scheduleProperty() {
        return schedule;
    }

    public ReadOnlyStringProperty lastRunProperty() {
        return lastRun;
    }

    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    /** The settings of the "More settings" card. */
    public SettingsForm settingsForm() {
        return settingsForm;
    }

    public ObservableList<Requirement> requirements() {
        return requirements;
    }
}
