package com.unsubscribesync.cli;

import com.unsubscribesync.domain.PrintableText;
import com.unsubscribesync.store.RunDetail;
import com.unsubscribesync.store.RunRecord;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code sync history --run ID}: one run, with the records it pushed, imported and failed on, and their links. */
final class RunDetailOutput {
    private RunDetailOutput() {}

    /** Where a run came from, e.g. "run now, command line" or "nightly schedule, serve". */
    static String from(SyncRun run) {
        String trigger = switch (run.trigger()) {
            case SCHEDULE -> "nightly schedule";
            case CATCH_UP -> "nightly catch-up";
            case RUN_NOW -> "run now";
        };
        return switch (run.origin()) {
            case CONSOLE -> trigger + ", console";
            case COMMAND_LINE -> trigger + ", command line";
            case SERVE -> trigger + ", serve";
            case UNKNOWN -> trigger;
        };
    }

    static void print(RunDetail detail, boolean json, ZoneId zone, PrintWriter out) {
        SyncRun run = detail.run();
        if (json) {
            Map<String, Object> view = SyncCommand.History.view(run);
            view.put("instanceUrl", run.instanceUrl().orElse(null));
            view.put("pushedRecords", views(run, detail.pushed()));
            view.put("morePushed", detail.morePushed());
            view.put("importedRecords", views(run, detail.imported()));
            view.put("moreImported", detail.moreImported());
            view.put("failedRecords", views(run, detail.failed()));
            view.put("moreFailed", detail.moreFailed());
            out.println(Json.write(view));
            return;
        }
        out.println("Run #" + run.id() + ", started " + Wording.time(run.startedAt(), zone) + " (" + from(run) + "): "
                + run.outcome().name().toLowerCase(Locale.ROOT)
                + run.endedAt()
                        .map(end -> " after " + seconds(Duration.between(run.startedAt(), end)))
                        .orElse(""));
        out.println(
                "Pulled " + run.counts().pulled() + ", pushed " + run.counts().pushed() + ", imported "
                        + run.counts().imported() + ", failed " + run.failed() + ", "
                        + Wording.count(run.counts().conflicts(), "new conflict", "new conflicts") + ", "
                        + Wording.count(run.counts().apiCalls(), "API call", "API calls") + ".");
        run.message().ifPresent(message -> out.println(PrintableText.of(message)));
        section(out, run, "Pushed to Salesforce", detail.pushed(), detail.morePushed());
        section(out, run, "Imported from Salesforce", detail.imported(), detail.moreImported());
        section(out, run, "Failed", detail.failed(), detail.moreFailed());
    }

    private static void section(PrintWriter out, SyncRun run, String title, List<RunRecord> records, int more) {
        out.println();
        out.println(title + " (" + (records.size() + more) + "):");
        if (records.isEmpty() && more == 0) {
            out.println("  none");
        }
        for (RunRecord record : records) {
            StringBuilder line = new StringBuilder("  ");
            line.append(String.format(
                    "%-8s %-18s %s",
                    record.objectType().map(t -> t.apiName()).orElse("-"),
                    record.recordId().map(Object::toString).orElse("-"),
                    record.email().map(Object::toString).orElse("(no email)")));
            record.statusCode().ifPresent(code -> line.append("  ").append(PrintableText.of(code)));
            record.message().ifPresent(message -> line.append(": ").append(PrintableText.of(message)));
            record.recordId()
                    .flatMap(run::recordUrl)
                    .ifPresent(url -> line.append("  ").append(url));
            out.println(line);
        }
        if (more > 0) {
            out.println("  … and " + more + " more (a run keeps the first " + SyncRunRepository.DETAIL_CAP
                    + " of each list)");
        }
    }

    private static List<Map<String, Object>> views(SyncRun run, List<RunRecord> records) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (RunRecord record : records) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("object", record.objectType().map(t -> t.apiName()).orElse(null));
            view.put("recordId", record.recordId().map(Object::toString).orElse(null));
            view.put("email", record.email().map(Object::toString).orElse(null));
            view.put("statusCode", record.statusCode().orElse(null));
            view.put("message", record.message().orElse(null));
            view.put("url", record.recordId().flatMap(run::recordUrl).orElse(null));
            views.add(view);
        }
        return views;
    }

    private static String seconds(Duration duration) {
        return Wording.count(Math.max(0, duration.toSeconds()), "second", "seconds");
    }
}
