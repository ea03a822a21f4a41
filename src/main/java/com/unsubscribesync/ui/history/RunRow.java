package com.unsubscribesync.ui.history;

import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.ui.Formats;
import java.time.Duration;
import java.time.ZoneId;

/** One sync run as the history lists it. */
public record RunRow(long id, String started, String trigger, String outcome, int pulled, int imported, int pushed,
        int conflicts, int apiCalls, String duration, String message) {

    static RunRow of(SyncRun run, ZoneId zone) {
        String trigger = switch (run.trigger()) {
            case SCHEDULE -> "Nightly";
            case RUN_NOW -> "Run now";
            case CATCH_UP -> "Catch-up";
        };
        String outcome = switch (run.outcome()) {
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case STOPPED -> "Stopped early";
            case FAILED -> "Failed";
        };
        String duration = run.endedAt().map(end -> Formats.duration(Duration.between(run.startedAt(), end))).orElse("");
        SyncRun.Counts counts = run.counts();
        return new RunRow(run.id(), Formats.compact(run.startedAt(), zone), trigger, outcome, counts.pulled(),
                counts.imported(), counts.pushed(), counts.conflicts(), counts.apiCalls(), duration,
                run.message().orElse(""));
    }
}
