package com.unsubscribesync.store;

import java.time.Instant;
import java.util.Optional;

/** One nightly run (or preview) as recorded. */
public record SyncRun(long id, Instant startedAt, Optional<Instant> endedAt, Trigger trigger, boolean dryRun,
        Outcome outcome, Counts counts, Optional<String> message, Optional<Instant> watermark) {

    public enum Trigger { SCHEDULE, RUN_NOW, CATCH_UP }

    public enum Outcome { RUNNING, SUCCEEDED, STOPPED, FAILED }

    /** What a run did. */
    public record Counts(int pulled, int pushed, int imported, int conflicts, int apiCalls) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }
}
