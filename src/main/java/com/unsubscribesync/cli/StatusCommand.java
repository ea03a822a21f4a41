package com.unsubscribesync.cli;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.NightlySchedule;
import com.unsubscribesync.domain.SyncSettings;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
        // Whether the field exists, is editable and is on the layouts is only known once an org is connected.
        field.put("Contact", unknownField());
        field.put("Lead", unknownField());
        requirements.put("field", field);
        requirements.put("peopleWithSalesforceId", linked);
        requirements.put("peopleTotal", people);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("connected", false);
        status.put("org", null);
        status.put("requirements", requirements);
        status.put("lastRun", null);
        status.put("nextRun", nextRun);
        status.put("outboxPending", workspace.outbox().pendingCount());
        Map<String, Long> byKind = new LinkedHashMap<>();
        conflicts.forEach((kind, count) -> byKind.put(kind.key(), count));
        status.put("conflicts", byKind);
        status.put("unsubscribes", workspace.unsubscribes().count());
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("used", null);
        api.put("limit", null);
        status.put("apiUsage", api);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(status));
            return ExitCode.DONE;
        }
        out.println("Connection:      not connected (run 'connect --demo' or 'connect --login-url …')");
        out.println("Nightly sync:    " + (settings.nightlySync() ? "on, next run " + local(nextRun) : "off")
                + " (daily at 8:00 PM Pacific)");
        out.println("Opt-out field:   " + settings.field().label());
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

    private static Map<String, Object> unknownField() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("exists", null);
        view.put("updateable", null);
        view.put("onLayouts", null);
        return view;
    }

    private static String local(String instant) {
        return DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz")
                .format(java.time.Instant.parse(instant).atZone(ZoneId.systemDefault()));
    }
}
