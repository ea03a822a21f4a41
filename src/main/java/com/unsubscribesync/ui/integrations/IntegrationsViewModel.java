package com.unsubscribesync.ui.integrations;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.ui.layouts.LayoutWizardLauncher;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.NightlySync;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.imports.ImportKind;
import com.unsubscribesync.ui.imports.ImportSession;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.usecase.ChangeSettings;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.ImportPeople;
import com.unsubscribesync.usecase.RunSync;
import com.unsubscribesync.usecase.SyncOverview;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;
import com.unsubscribesync.usecase.OrgState;
import com.unsubscribesync.ui.settings.SettingsForm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    public record Uses(ChangeSettings settings, SyncOverview overview, ConnectOrg connection, PageLayouts layouts,
            ImportPeople people, RunSync sync) {
    }

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

    /** Help text of the two field options, in the product's words. */
    public static String help(OptOutField option) {
        return switch (option) {
            case EMAIL_OPT_OUT -> "Selected by default. Updates only the standard Email Opt Out field of Leads and "
                    + "Contacts.";
            case MARKETO_SALES_OPT_OUT -> "Keeps sales unsubscribes apart from marketing ones: updates the custom "
                    + "\"Marketo Sales Opt Out\" field instead (needs the Marketo Sales Insight package).";
        };
    }

    private record Snapshot(SyncSettings settings, Optional<SyncRun> lastRun, Optional<Instant> nextRun, long people,
            long linked, OrgState org, Optional<Inspection> layouts, Instant now) {
    }

    public void refresh() {
        background.submit(progressIgnored -> {
            SyncOverview.Figures figures = overview.figures();
            return new Snapshot(figures.settings(), figures.lastRun(), figures.nextRun(), figures.people(),
                    figures.linked(), connection.check(), layouts.lastInspection(), clock.instant());
        }, this::show, failed);
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
        lastRun.set(snapshot.lastRun().map(this::describe).orElse("No run yet."));
        nextRun.set(snapshot.nextRun().map(at -> Formats.dateTime(at, zone))
                .orElse("None — the nightly sync is off."));
        requirements.setAll(requirementsOf(snapshot));
        settingsForm.show(snapshot.settings(), snapshot.org());
    }

    private String describe(SyncRun run) {
        String when = Formats.dateTime(run.startedAt(), zone);
        String what = switch (run.outcome()) {
            case RUNNING -> "running now";
            case SUCCEEDED -> "succeeded";
            case STOPPED -> "stopped early";
            case FAILED -> "failed";
        };
        SyncRun.Counts counts = run.counts();
        return when + " — " + what + ": " + Formats.count(counts.imported()) + " imported, "
                + Formats.count(counts.pushed()) + " pushed, " + Formats.plural(counts.conflicts(), "conflict",
                "conflicts") + ", " + Formats.plural(counts.apiCalls(), "API call", "API calls")
                + run.message().map(m -> ". " + m).orElse("");
    }

    private List<Requirement> requirementsOf(Snapshot snapshot) {
        List<Requirement> list = new ArrayList<>();
        boolean on = snapshot.settings().nightlySync();
        list.add(new Requirement("Unsubscribe sync is enabled", on,
                on ? "The nightly sync runs daily at 8:00 PM Pacific." : "The nightly sync is off; real-time pushes "
                        + "still reach Email Opt Out.", on ? Requirement.Fix.NONE : Requirement.Fix.ENABLE_NIGHTLY_SYNC));
        list.add(fieldRequirement(snapshot));
        long people = snapshot.people();
        long linked = snapshot.linked();
        boolean allLinked = people > 0 && linked == people;
        list.add(new Requirement("People have a Salesforce ID", allLinked, Formats.count(linked) + " of "
                + Formats.plural(people, "person has", "people have") + " a Lead (00Q…) or Contact (003…) ID.",
                allLinked ? Requirement.Fix.NONE : Requirement.Fix.SHOW_PEOPLE_WITHOUT_ID));
        return list;
    }

    private Requirement fieldRequirement(Snapshot snapshot) {
        String title = "The opt-out field is installed in Salesforce";
        OrgState org = snapshot.org();
        if (!org.connected()) {
            return new Requirement(title, false, "Unknown until an org is connected (see Connection)"
                    + org.problem().map(p -> ": " + p).orElse("."), Requirement.Fix.OPEN_LAYOUT_STEPS);
        }
        Optional<Requirement> packageMissing = packageMissing(title, snapshot.settings(), org);
        if (packageMissing.isPresent()) {
            return packageMissing.get();
        }
        List<String> parts = new ArrayList<>();
        boolean all = true;
        for (SObjectType type : SObjectType.values()) {
            FieldState state = withLayouts(org.fields().get(type), snapshot.layouts(), type);
            if (state == null) {
                parts.add(type.apiName() + ": not checked");
                all = false;
                continue;
            }
            all &= state.usable();
            parts.add(type.apiName() + ": " + (state.exists() ? "exists" : "missing") + ", "
                    + (state.updateable() ? "editable" : "not editable") + ", "
                    + state.onLayouts().map(on -> on ? "on every layout" : "not on every layout").orElse("layouts not checked"));
        }
        return new Requirement(title, all, String.join(" · ", parts),
                all ? Requirement.Fix.NONE : Requirement.Fix.OPEN_LAYOUT_STEPS);
    }

    /**
     * The Marketo Sales Opt Out field is chosen but Salesforce has no such field: the layout wizard cannot create a
     * field, so the admin is told what can be done instead.
     */
    private static Optional<Requirement> packageMissing(String title, SyncSettings settings, OrgState org) {
        if (settings.field() != OptOutField.MARKETO_SALES_OPT_OUT) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (SObjectType type : SObjectType.values()) {
            FieldState state = org.fields().get(type);
            if (state != null && !state.exists()) {
                missing.add(type.apiName());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String objects = String.join(" and ", missing);
        String what = settings.fieldApiName().map(name -> "Salesforce has no field " + name + " on " + objects
                + " (the API name under More settings)")
                .orElse("Salesforce has no \"" + OptOutField.MARKETO_SALES_OPT_OUT_LABEL + "\" checkbox on "
                        + objects + ": the Marketo Sales Insight package is not installed, or the field is hidden "
                        + "from the connected user");
        return Optional.of(new Requirement(title, false, what + ". Install the package in Salesforce, choose "
                + "\"" + OptOutField.EMAIL_OPT_OUT.label() + "\" instead, or set the field's API name if it has "
                + "another label.", List.of(Requirement.Fix.INSTALL_PACKAGE, Requirement.Fix.USE_EMAIL_OPT_OUT,
                        Requirement.Fix.SET_FIELD_API_NAME)));
    }

    /** The field on the layouts as the layout wizard last saw it, when that is about the same field. */
    private static FieldState withLayouts(FieldState state, Optional<Inspection> layouts, SObjectType type) {
        if (state == null) {
            return null;
        }
        Optional<Boolean> onLayouts = layouts.flatMap(i -> i.of(type))
                .filter(object -> object.fieldApiName().equals(state.apiName()))
                .flatMap(ObjectLayouts::onEveryLayout);
        return onLayouts.isEmpty() ? state : new FieldState(state.apiName(), state.exists(), state.updateable(),
                onLayouts, state.problem());
    }

    private void save(java.util.function.UnaryOperator<SyncSettings> change) {
        background.submit(p -> {
            settings.change(change);
            return null;
        }, saved -> refresh(), failed);
    }

    public void fix(Requirement requirement) {
        fix(requirement.fix());
    }

    /** One of the ways to fix a requirement, as its button says. */
    public void fix(Requirement.Fix way) {
        switch (way) {
            case ENABLE_NIGHTLY_SYNC -> nightlySync.set(true);
            case OPEN_LAYOUT_STEPS -> new LayoutWizardLauncher(layouts, background, dialogs,
                    inspection -> refresh()).open(field.get() == OptOutField.EMAIL_OPT_OUT ? "Email Opt Out"
                            : OptOutField.MARKETO_SALES_OPT_OUT_LABEL);
            case SHOW_PEOPLE_WITHOUT_ID -> showPeopleWithoutId();
            case INSTALL_PACKAGE -> dialogs.info("Install Marketo Sales Insight", "A Salesforce admin installs the "
                    + "Marketo Sales Insight package from the AppExchange, for the profile of the user connected here. "
                    + "It adds the \"" + OptOutField.MARKETO_SALES_OPT_OUT_LABEL + "\" checkbox to Leads and Contacts, "
                    + "which this checklist then finds by its label. Until then, the standard Email Opt Out field "
                    + "works without any package.");
            case USE_EMAIL_OPT_OUT -> field.set(OptOutField.EMAIL_OPT_OUT);
            case SET_FIELD_API_NAME -> settingsForm.focus(Setting.FIELD_API_NAME);
            case NONE -> { }
        }
    }

    /** The checklist's "people without an ID" action: the one place to point it elsewhere. */
    public void showPeopleWithoutId() {
        background.submit(p -> people.withoutSalesforceId(200), people -> {
            if (dialogs.showListWithAction("People without a Salesforce ID", "Their unsubscribes cannot "
                    + "reach Salesforce until they carry a Lead or Contact ID. Import a CSV file of people "
                    + "with their Lead or Contact IDs to give them one.",
                    people.isEmpty() ? List.of("Everyone has an ID.") : people.stream()
                            .map(person -> person.email().value()
                                    + (person.displayName().equals(person.email().value()) ? ""
                                            : " — " + person.displayName())).toList(),
                    "Import people from CSV…")) {
                importPeople();
            }
        }, failed);
    }

    /** The command line's {@code people import}, in the window: columns, check, bad rows, write. */
    public void importPeople() {
        dialogs.chooseCsvFile(ImportKind.PEOPLE.title()).ifPresent(file -> dialogs.runImport(new ImportSession(
                ImportKind.PEOPLE, file, people::importFile, background, report -> {
                            dialogs.info(ImportKind.PEOPLE.shortTitle(), Formats.plural(report.added(),
                                    "person was", "people were") + " saved with their IDs and names"
                                    + (report.problemCount() > 0 ? "; " + Formats.plural(report.problemCount(),
                                            "bad row was", "bad rows were") + " skipped." : "."));
                            refresh();
                        })));
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
        current = background.submit(p -> sync.now(dryRun, false, new RunProgress() {
                    @Override
                    public void update(String phase, long done, long total) {
                        p.update(phase + (total > 0 ? " — " + Formats.count(done) + " of " + Formats.count(total)
                                : done > 0 ? " — " + Formats.count(done) : ""), total > 0 ? (double) done / total : -1);
                    }

                    @Override
                    public boolean cancelled() {
                        return p.cancelled();
                    }
                }), report -> finished(report), e -> {
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
        String counts = Formats.count(report.imported()) + " to import, " + Formats.count(report.pushed())
                + " to push, " + Formats.plural(report.conflicts(), "conflict", "conflicts") + ", "
                + Formats.plural(report.apiCalls(), "API call", "API calls");
        if (report.dryRun()) {
            outcome.set("Preview: " + counts + ". Nothing was written.");
            dialogs.showList("Preview of the next run", "Nothing was written. The run would use about "
                    + Formats.plural(report.apiCalls(), "API call", "API calls") + ".", previewLines(report));
        } else {
            outcome.set("Run " + (report.outcome() == SyncRun.Outcome.SUCCEEDED ? "finished" : "stopped early") + " in "
                    + Formats.duration(Duration.ofMillis(report.durationMs())) + ": " + report.imported() + " imported, "
                    + report.pushed() + " pushed, " + Formats.plural(report.conflicts(), "new conflict", "new conflicts")
                    + report.message().map(m -> ". " + m).orElse("."));
        }
        refresh();
    }

    private static List<String> previewLines(RunReport report) {
        SyncPlan plan = report.plan();
        List<String> lines = new ArrayList<>();
        lines.add("Opt-outs to set in Salesforce: " + Formats.count(report.pushed()));
        plan.pushes().stream().limit(50).forEach(id -> lines.add("   " + id.objectType().apiName() + " " + id));
        lines.add("Unsubscribes to import from Salesforce: " + Formats.count(report.imported()));
        plan.imports().stream().limit(50).forEach(email -> lines.add("   " + email));
        lines.add("Conflicts that would arise: " + Formats.count(report.conflicts()));
        plan.conflicts().stream().limit(50).forEach(c -> lines.add("   " + c.kind().title() + ": "
                + c.email().map(Object::toString).orElse(c.objectType().map(t -> t.apiName()).orElse(""))));
        return lines;
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
