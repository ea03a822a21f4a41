package com.unsubscribesync.cli;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ConnectedOrg;
import com.unsubscribesync.usecase.ConnectionPlace;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.IntakeToday;
import com.unsubscribesync.usecase.OrgState;
import com.unsubscribesync.usecase.SyncOverview;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Connection, the three requirements, runs, outbox, conflicts and API usage.")
public class StatusCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json")
    boolean json;

    private final Supplier<SyncOverview> overview;
    private final Supplier<ConnectOrg> connection;
    private final Supplier<List<ServeState>> serves;

    /** @param serves the {@code serve} processes running on this data directory */
    public StatusCommand(
            Supplier<SyncOverview> overview, Supplier<ConnectOrg> connection, Supplier<List<ServeState>> serves) {
        this.overview = overview;
        this.connection = connection;
        this.serves = serves;
    }

    @Override
    public Integer call() {
        SyncOverview local = overview.get();
        SyncOverview.Figures figures = local.figures();
        SyncSettings settings = figures.settings();
        long people = figures.people();
        long linked = figures.linked();
        Map<ConflictKind, Long> conflicts = local.openConflicts();
        String nextRun = figures.nextRun().map(Instant::toString).orElse(null);

        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("nightlySyncEnabled", settings.nightlySync());
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", settings.field().key());
        // Whether the field exists, is editable and is on the layouts is only known once an org is connected;
        // onLayouts is true when the field is on every page layout of the object, null when they could not be read.
        OrgState org = orgState();
        field.put("Contact", fieldView(org.fields().get(SObjectType.CONTACT)));
        field.put("Lead", fieldView(org.fields().get(SObjectType.LEAD)));
        requirements.put("field", field);
        requirements.put("peopleWithSalesforceId", linked);
        requirements.put("peopleTotal", people);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("connected", org.connected());
        status.put("org", org.org().map(StatusCommand::orgView).orElse(null));
        ConnectionPlace place = connection.get().place();
        status.put("connectionFrom", place.key());
        status.put("requirements", requirements);
        var lastRun = figures.lastRun();
        status.put("lastRun", lastRun.map(SyncCommand.History::view).orElse(null));
        status.put("nextRun", nextRun);
        long pending = local.outboxPending();
        status.put("outboxPending", pending);
        Map<String, Long> byKind = new LinkedHashMap<>();
        conflicts.forEach((kind, count) -> byKind.put(kind.key(), count));
        status.put("conflicts", byKind);
        long unsubscribes = local.unsubscribes();
        status.put("unsubscribes", unsubscribes);
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("used", org.apiUsed().orElse(null));
        api.put("limit", org.apiLimit().orElse(null));
        status.put("apiUsage", api);
        List<ServeState> running = serves.get();
        java.util.Optional<ServeState> serve =
                running.stream().max(java.util.Comparator.comparing(ServeState::startedAt));
        status.put("serve", serve.map(StatusCommand::serveView).orElse(null));
        List<String> intakes =
                running.stream().flatMap(s -> s.intake().stream()).toList();
        long clicksToday = local.clickedToday(root.zone());
        IntakeToday intakeToday = local.intakeToday(root.zone());
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("listening", intakes);
        intake.put("clicksToday", clicksToday);
        Map<String, Long> refusedToday = new LinkedHashMap<>();
        for (IntakeRefusal kind : IntakeRefusal.values()) {
            refusedToday.put(kind.key(), intakeToday.refused().get(kind));
        }
        intake.put("refusedToday", refusedToday);
        intake.put("failedToday", intakeToday.failed());
        status.put("intake", intake);
        status.put(
                "rights",
                org.rights()
                        .map(rights -> RightsReport.json(rights, org.org().map(ConnectedOrg::organizationName)))
                        .orElse(null));

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(status));
            return ExitCode.DONE;
        }
        out.println("Connection:      "
                + org.org()
                        .map(o -> (o.demo() ? "demo org (local)" : o.organizationName()) + " as " + o.userName()
                                + " (connection from " + place.words() + ")")
                        .orElse("not connected (run 'connect --demo' or 'connect --login-url …')"));
        org.problem().ifPresent(problem -> out.println("                 " + problem));
        out.println("Serve:           "
                + serve.map(s -> "running since " + Wording.time(s.startedAt(), root.zone()) + " (process " + s.pid()
                                + ")"
                                + s.waiting()
                                        .map(w ->
                                                "; waiting for Salesforce since " + Wording.time(w.since(), root.zone())
                                                        + ", next try at " + Wording.time(w.nextTry(), root.zone())
                                                        + " (" + w.problem() + ")")
                                        .orElse(""))
                        .orElse("not running on this data directory"));
        out.println("Intake:          "
                + (intakes.isEmpty() ? "not listening" : "listening on " + String.join(", ", intakes))
                + "; " + Wording.count(clicksToday, "click", "clicks") + " today; " + intakeToday.words());
        org.rights().ifPresent(rights -> RightsReport.print(out, rights));
        if (org.apiUsed().isPresent()) {
            out.println("API usage:       " + org.apiUsed().get() + " of "
                    + org.apiLimit().orElse(null) + " calls in the last 24 hours");
        }
        out.println("Last run:        "
                + lastRun.map(run -> Wording.time(run.startedAt(), root.zone()) + " "
                                + run.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", pushed "
                                + run.counts().pushed() + ", imported "
                                + run.counts().imported())
                        .orElse("none yet"));
        out.println("Nightly sync:    "
                + (settings.nightlySync() ? "on, next run " + Wording.time(Instant.parse(nextRun), root.zone()) : "off")
                + " (daily at 8:00 PM Pacific)");
        out.println("Opt-out field:   " + settings.field().label());
        org.fields()
                .forEach((type, known) -> out.println("  on " + type.apiName() + ":"
                        + " ".repeat(12 - type.apiName().length())
                        + known.problem()
                                .orElseGet(() -> known.apiName().orElse(null) + ", editable"
                                        + (known.onLayouts().orElse(false) ? ", on every page layout" : ""))));
        out.println("Salesforce IDs:  " + linked + " of " + people + " people");
        out.println("Unsubscribes:    " + unsubscribes);
        out.println("Outbox pending:  " + pending);
        conflicts.forEach((kind, count) -> {
            if (count > 0) {
                out.println("Conflicts:       " + count + " " + kind.title());
            }
        });
        return ExitCode.DONE;
    }

    private OrgState orgState() {
        try {
            return connection.get().check();
        } catch (NotConnectedException e) {
            return OrgState.notConnected(java.util.Optional.ofNullable(e.getMessage()));
        }
    }

    /** Values the org did not give are null: updateable of a missing field, onLayouts when not read. */
    private static Map<String, Object> fieldView(FieldState known) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("apiName", known == null ? null : known.apiName().orElse(null));
        view.put("exists", known == null ? null : known.exists());
        view.put("updateable", known == null || !known.exists() ? null : known.updateable());
        view.put("onLayouts", known == null ? null : known.onLayouts().orElse(null));
        view.put("problem", known == null ? null : known.problem().orElse(null));
        return view;
    }

    private static Map<String, Object> serveView(ServeState serve) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pid", serve.pid());
        view.put("startedAt", serve.startedAt().toString());
        view.put("salesforce", serve.waiting().isPresent() ? "waiting" : "ok");
        view.put("waitingSince", serve.waiting().map(w -> w.since().toString()).orElse(null));
        view.put("nextTry", serve.waiting().map(w -> w.nextTry().toString()).orElse(null));
        view.put("problem", serve.waiting().map(ServeState.Waiting::problem).orElse(null));
        return view;
    }

    private static Map<String, Object> orgView(ConnectedOrg org) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", org.organizationId());
        view.put("name", org.organizationName());
        view.put("userName", org.userName());
        view.put("instanceUrl", org.instanceUrl());
        view.put("demo", org.demo());
        return view;
    }
}
