package com.unsubscribesync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One nightly run (or preview) as recorded.
 *
 * @param origin where it was started from; unknown for runs recorded before origins were kept
 * @param failed      records Salesforce refused for good or still refused after the run's retries
 * @param instanceUrl the address of the org the run worked on, which its records' links start with
 */
public record SyncRun(
        long id,
        Instant startedAt,
        Optional<Instant> endedAt,
        Trigger trigger,
        boolean dryRun,
        Outcome outcome,
        Counts counts,
        Optional<String> message,
        Optional<Instant> watermark,
        Origin origin,
        int failed,
        Optional<String> instanceUrl) {

    public enum Trigger {
        SCHEDULE,
        RUN_NOW,
        CATCH_UP
    }

    public enum Outcome {
        RUNNING,
        SUCCEEDED,
        STOPPED,
        FAILED
    }

    /** The front end a run was started from (a scheduled run: the process whose scheduler started it). */
    public enum Origin {
        CONSOLE,
        COMMAND_LINE,
        SERVE,
        UNKNOWN
    }

    /** The address of a record of this run's org in Salesforce, when the org's address is known. */
    public Optional<String> recordUrl(com.unsubscribesync.domain.SalesforceId id) {
        return instanceUrl.map(url -> (url.endsWith("/") ? url : url + "/") + id);
    }

    /** What a run did. */
    public record Counts(int pulled, int pushed, int imported, int conflicts, int apiCalls) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }
}
