package com.unsubscribesync.sync;

import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.store.SyncRun;
import java.util.Optional;

/**
 * What a run did, or would do for a dry run.
 *
 * @param plan      what the ratchet decided (for a dry run: what would be written)
 * @param apiCalls  calls used (for a dry run: used so far plus the writes it would make)
 * @param message   why it stopped early or failed, in a sentence
 */
public record RunReport(boolean dryRun, SyncRun.Outcome outcome, int pulled, int pushed, int imported, int conflicts,
        long apiCalls, long durationMs, SyncPlan plan, Optional<String> message) {
}
