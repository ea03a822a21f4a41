package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import com.unsubscribesync.store.RunDetail;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.NightlySync;
import com.unsubscribesync.sync.PushReport;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.RunSync;
import com.unsubscribesync.usecase.SyncOverview;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "sync",
        description = "Run the nightly sync now, drain the real-time outbox, or show past runs.",
        subcommands = {SyncCommand.Run.class, SyncCommand.Push.class, SyncCommand.History.class})
public class SyncCommand {
    @ParentCommand
    RootCommand root;

    static final String NOT_CONNECTED = "no Salesforce org is connected: run 'connect --demo' or "
            + "'connect --login-url URL --client-id ID' first";

    /** The sync, once the engine can open the connected org; exit code 3 otherwise. */
    static RunSync connected(Supplier<RunSync> sync, Supplier<ConnectOrg> connection) {
        if (!connection.get().opens()) {
            throw new NotConnectedException(NOT_CONNECTED);
        }
        return sync.get();
    }

    @Command(name = "run", description = "The nightly run, now: pull changes, plan, import and push.")
    public static class Run implements Callable<Integer> {
        private final Supplier<RunSync> sync;
        private final Supplier<ConnectOrg> connection;

        public Run(Supplier<RunSync> sync, Supplier<ConnectOrg> connection) {
            this.sync = sync;
            this.connection = connection;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--dry-run", description = "Show what would change; write nothing.")
        boolean dryRun;

        @Option(names = "--full", description = "Pull every record, not only those changed since the last run.")
        boolean full;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            RunSync running = connected(sync, connection);
            RunReport report;
            try {
                report = running.now(dryRun, full, RunProgress.SILENT);
            } catch (NightlySync.AlreadyRunning e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCode.FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("dryRun", report.dryRun());
            view.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT));
            view.put("pulled", report.pulled());
            view.put("pushed", report.pushed());
            view.put("imported", report.imported());
            view.put("conflicts", report.conflicts());
            view.put("apiCalls", report.apiCalls());
            view.put("durationMs", report.durationMs());
            view.put("message", report.message().orElse(null));
            view.put("stillRefused", new java.util.TreeMap<>(report.stillRefused()));
            if (report.dryRun()) {
                view.put(
                        "wouldPush",
                        report.plan().pushes().stream().map(Object::toString).toList());
                view.put(
                        "wouldImport",
                        report.plan().imports().stream().map(Object::toString).toList());
                List<Map<String, Object>> conflicts = new ArrayList<>();
                report.plan().conflicts().forEach(c -> {
                    Map<String, Object> conflict = new LinkedHashMap<>();
                    conflict.put("kind", c.kind().key());
                    conflict.put("email", c.email().map(Object::toString).orElse(null));
                    conflict.put("recordId", c.recordId().map(Object::toString).orElse(null));
                    conflict.put("explanation", c.explanation());
                    conflicts.add(conflict);
                });
                view.put("wouldRaise", conflicts);
            }
            if (json) {
                out.println(Json.write(view));
            } else if (report.dryRun()) {
                out.println("Preview: " + Wording.count(report.pushed(), "record", "records")
                        + " would be opted out in Salesforce, "
                        + Wording.count(report.imported(), "Salesforce opt-out", "Salesforce opt-outs") + " imported, "
                        + Wording.count(report.conflicts(), "conflict", "conflicts") + "; about "
                        + Wording.count(report.apiCalls(), "API call", "API calls") + ". Nothing was written.");
            } else {
                out.println("Sync " + view.get("outcome") + ": pulled " + report.pulled() + ", pushed "
                        + report.pushed()
                        + ", imported " + report.imported() + ", "
                        + Wording.count(report.conflicts(), "new conflict", "new conflicts") + ", "
                        + Wording.count(report.apiCalls(), "API call", "API calls") + " in " + report.durationMs()
                        + " ms." + report.message().map(m -> " " + m).orElse(""));
            }
            return report.outcome() == SyncRun.Outcome.FAILED ? ExitCode.FAILED : ExitCode.DONE;
        }
    }

    @Command(name = "push", description = "Push the pending real-time opt-outs now.")
    public static class Push implements Callable<Integer> {
        private final Supplier<RunSync> sync;
        private final Supplier<ConnectOrg> connection;

        public Push(Supplier<RunSync> sync, Supplier<ConnectOrg> connection) {
            this.sync = sync;
            this.connection = connection;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            RunSync.Pushed pushed = connected(sync, connection).pushNow();
            PushReport report = pushed.report();
            long pending = pushed.pending();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("entries", report.entries());
            view.put("written", report.written());
            view.put("settled", report.settled());
            view.put("retrying", report.retrying());
            view.put("conflicts", report.conflicts());
            view.put("outboxPending", pending);
            if (json) {
                spec.commandLine().getOut().println(Json.write(view));
            } else {
                spec.commandLine()
                        .getOut()
                        .println("Pushed " + Wording.count(report.written(), "opt-out", "opt-outs")
                                + "; " + report.retrying() + " waiting to retry, "
                                + Wording.count(report.conflicts(), "new conflict", "new conflicts") + ", " + pending
                                + " still pending.");
            }
            return ExitCode.DONE;
        }
    }

    @Command(
            name = "history",
            description = "Past runs, newest first; with --run ID, what one run did: the "
                    + "records it pushed, imported and failed on.")
    public static class History implements Callable<Integer> {
        private final Supplier<SyncOverview> overview;

        public History(Supplier<SyncOverview> overview) {
            this.overview = overview;
        }

        @ParentCommand
        SyncCommand group;

        @Spec
        CommandSpec spec;

        @Option(names = "--limit", defaultValue = "20", description = "How many runs to list (1 to 10000).")
        int limit;

        @Option(names = "--run", paramLabel = "ID", description = "Show one run's detail (the ID from the list).")
        Long run;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            OptionRange.require("--limit", limit, 1, 10_000);
            PrintWriter out = spec.commandLine().getOut();
            if (run != null) {
                RunDetail detail = overview.get()
                        .run(run)
                        .orElseThrow(() -> new InvalidInputException("--run " + run
                                + ": there is no run with that ID; 'sync history' " + "lists the runs and their IDs"));
                RunDetailOutput.print(detail, json, group.root.zone(), out);
                return ExitCode.DONE;
            }
            List<SyncRun> runs = overview.get().runs(limit);
            if (json) {
                out.println(Json.write(runs.stream().map(History::view).toList()));
                return ExitCode.DONE;
            }
            if (runs.isEmpty()) {
                out.println("No sync has run yet.");
            }
            for (SyncRun each : runs) {
                out.printf(
                        "#%-5d %s  %-28s %-9s pulled %d, pushed %d, imported %d, failed %d, %s, %s%s%n",
                        each.id(),
                        Wording.time(each.startedAt(), group.root.zone()),
                        RunDetailOutput.from(each),
                        each.outcome().name().toLowerCase(Locale.ROOT),
                        each.counts().pulled(),
                        each.counts().pushed(),
                        each.counts().imported(),
                        each.failed(),
                        Wording.count(each.counts().conflicts(), "conflict", "conflicts"),
                        Wording.count(each.counts().apiCalls(), "API call", "API calls"),
                        each.message().map(m -> " — " + PrintableText.of(m)).orElse(""));
            }
            if (!runs.isEmpty()) {
                out.println("See what one run did: sync history --run ID");
            }
            return ExitCode.DONE;
        }

        static Map<String, Object> view(SyncRun run) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", run.id());
            view.put("startedAt", run.startedAt().toString());
            view.put("endedAt", run.endedAt().map(Object::toString).orElse(null));
            view.put("trigger", run.trigger().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            view.put("origin", run.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            view.put("outcome", run.outcome().name().toLowerCase(Locale.ROOT));
            view.put("pulled", run.counts().pulled());
            view.put("pushed", run.counts().pushed());
            view.put("imported", run.counts().imported());
            view.put("failed", run.failed());
            view.put("conflicts", run.counts().conflicts());
            view.put("apiCalls", run.counts().apiCalls());
            view.put("message", run.message().orElse(null));
            return view;
        }
    }
}
