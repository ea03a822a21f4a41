package com.unsubscribesync.ui.history;

import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.ui.Formats;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One sync run as the history lists it.
 *
 * @param trigger where the run came from: what started it and in which front end
 */
public record RunRow(
        long id,
        String started,
        String trigger,
        String outcome,
        int pulled,
        int imported,
        int pushed,
        int failed,
        int conflicts,
        int apiCalls,
        String duration,
        String message) {

    static RunRow of(SyncRun run, ZoneId zone) {
        String duration = run.endedAt()
                .map(end -> Formats.duration(Duration.between(run.startedAt(), end)))
                .orElse("");
        SyncRun.Counts counts = run.counts();
        return new RunRow(
                run.id(),
                Formats.compact(run.startedAt(), zone),
                from(run),
                outcome(run),
                counts.pulled(),
                counts.imported(),
                counts.pushed(),
                run.failed(),
                counts.conflicts(),
                counts.apiCalls(),
                duration,
                run.message().orElse(""));
    }

    /** e.g. "Run now · Console", "Nightly · Serve". */
    static String from(SyncRun run) {
        String trigger = switch (run.trigger()) {
            case SCHEDULE -> "Nightly";
            case RUN_NOW -> "Run now";
            case CATCH_UP -> "Catch-up";
        };
        return switch (run.origin()) {
            case CONSOLE -> trigger + " · Console";
            case COMMAND_LINE -> trigger + " · Command line";
            case SERVE -> trigger + " · Serve";
            case UNKNOWN -> trigger;
        };
    }

    static String outcome(SyncRun run) {
        return switch (run.outcome()) {
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case STOPPED -> "Stopped early";
            case FAILED -> "Failed";
        };
    }
}
