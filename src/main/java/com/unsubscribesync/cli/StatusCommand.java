package com.unsubscribesync.cli;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.NightlySchedule;
import com.unsubscribesync.domain.SyncSettings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        Workspace workspace = root.workspace();
        SyncSettings settings = workspace.settings().load();
        long people = workspace.people().count();
        long linked = workspace.people().countWithSalesforceId();
        Map<ConflictKind, Long> conflicts = workspace.conflicts().openCountsByKind();
        String nextRun = settings.nightlySync()
                ? NightlySchedule.nextRunAfter(workspace.clock().instant()).toString() : null;

        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("nightlySyncEnabled", settings.nightlySync());
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", settings.field().key());
        // Whether the field exists, is editable and is on the layouts is only known once an org is connected;
        // onLayouts is true when the field is on every page layout of the object, null when they could not be read.
        OrgConnection.OrgStatus org = orgStatus(workspace, settings);
        field.put("Contact", fieldView(org.fields().get("Contact")));
        field.put("Lead", fieldView(org.fields().get("Lead")));
        requirements.put("field", field);
        requirements.put("peopleWithSalesforceId", linked);
        requirements.put("peopleTotal", people);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("connected", org.connected());
        status.put("org", org.org().map(StatusCommand::orgView).orElse(null));
        status.put("requirements", requirements);
        var lastRun = workspace.syncRuns().last();
        status.put("lastRun", lastRun.map(SyncCommand.History::view).orElse(null));
        status.put("nextRun", nextRun);
        status.put("outboxPending", workspace.outbox().pendingCount());
        Map<String, Long> byKind = new LinkedHashMap<>();
        conflicts.forEach((kind, count) -> byKind.put(kind.key(), count));
        status.put("conflicts", byKind);
        status.put("unsubscribes", workspace.unsubscribes().count());
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("used", org.apiUsed());
        api.put("limit", org.apiLimit());
        status.put("apiUsage", api);
        java.util.Optional<ServeState> serve = workspace.runningServes().stream()
                .max(java.util.Comparator.comparing(ServeState::startedAt));
        status.put("serve", serve.map(StatusCommand::serveView).orElse(null));
        status.put("rights", org.rights().map(rights -> RightsReport.json(rights,
                org.org().map(OrgConnection.ConnectedOrg::organizationName))).orElse(null));

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(status));
            return ExitCode.DONE;
        }
        out.println("Connection:      " + org.org().map(o -> (o.demo() ? "demo org (local)" : o.organizationName())
                + " as " + o.userName()).orElse("not connected (run 'connect --demo' or 'connect --login-url …')"));
        org.problem().ifPresent(problem -> out.println("                 " + problem));
        out.println("Serve:           " + serve.map(s -> "running since " + Wording.time(s.startedAt(), root.zone()) + " (process " + s.pid() + ")"
                + s.waiting().map(w -> "; waiting for Salesforce since " + Wording.time(w.since(), root.zone())
                        + ", next try at " + Wording.time(w.nextTry(), root.zone())
                        + " (" + w.problem() + ")").orElse("")).orElse("not running on this data directory"));
        org.rights().ifPresent(rights -> RightsReport.print(out, rights));
        if (org.apiUsed() != null) {
            out.println("API usage:       " + org.apiUsed() + " of " + org.apiLimit() + " calls in the last 24 hours");
        }
        out.println("Last run:        " + lastRun.map(run -> Wording.time(run.startedAt(), root.zone()) + " " + run.outcome().name()
                .toLowerCase(java.util.Locale.ROOT) + ", pushed " + run.counts().pushed() + ", imported "
                + run.counts().imported()).orElse("none yet"));
        out.println("Nightly sync:    " + (settings.nightlySync() ? "on, next run " + Wording.time(Instant.parse(nextRun), root.zone()) : "off")
                + " (daily at 8:00 PM Pacific)");
        out.println("Opt-out field:   " + settings.field().label());
        org.fields().forEach((object, known) -> out.println("  on " + object + ":" + " ".repeat(12 - object.length())
                + (known.problem() != null ? known.problem() : known.apiName() + ", editable"
                        + (Boolean.TRUE.equals(known.onLayouts()) ? ", on every page layout" : ""))));
        out.println("Salesforce IDs:  " + linked + " of " + people + " people");
        out.println("Unsubscribes:    " + workspace.unsubscribes().count());
        out.println("Outbox pending:  " + workspace.outbox().pendingCount());
        conflicts.forEach((kind, count) -> {
            if (count > 0) {
                out.println("Conflicts:       " + count + " " + kind.title());
            }
        });
        return ExitCode.DONE;
    }

    private static OrgConnection.OrgStatus orgStatus(Workspace workspace, SyncSettings settings) {
        try {
            return workspace.salesforce().status(settings);
        } catch (NotConnectedException e) {
            return OrgConnection.OrgStatus.notConnected(e.getMessage());
        }
    }

    private static Map<String, Object> fieldView(OrgConnection.FieldStatus known) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("apiName", known == null ? null : known.apiName());
        view.put("exists", known == null ? null : known.exists());
        view.put("updateable", known == null ? null : known.updateable());
        view.put("onLayouts", known == null ? null : known.onLayouts());
        view.put("problem", known == null ? null : known.problem());
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

    private static Map<String, Object> orgView(OrgConnection.ConnectedOrg org) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", org.organizationId());
        view.put("name", org.organizationName());
        view.put("userName", org.userName());
        view.put("instanceUrl", org.instanceUrl());
        view.put("demo", org.demo());
        return view;
    }

}
