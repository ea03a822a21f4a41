package com.unsubscribesync.sync;

import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.store.SyncRun;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did, or would do for a dry run.
 *
 * @param pushed       records opted out in Salesforce (for a dry run: that would be)
 * @param imported     Salesforce opt-outs imported as unsubscribes (for a dry run: that would be)
 * @param conflicts    new conflicts (for a dry run: every conflict the plan raises)
 * @param plan         the start of what the ratchet decided, at most {@value NightlySync#SAMPLE} of each list, for
 *                     showing (the whole plan of a large org does not fit in memory; the counts are above)
 * @param apiCalls     calls used (for a dry run: used so far plus the writes it would make)
 * @param message      why it stopped early or failed, or what it left for the next run, in a sentence
 * @param stillRefused records Salesforce still refused after the run's retries, by status code; the next run tries
 *                     them again
 */
public record RunReport(
        boolean dryRun,
        SyncRun.Outcome outcome,
        int pulled,
        int pushed,
        int imported,
        int conflicts,
        long apiCalls,
        long durationMs,
        SyncPlan plan,
        Optional<String> message,
        Map<String, Integer> stillRefused) {
    public RunReport {
        stillRefused = Map.copyOf(stillRefused);
    }

    /** Records still refused after the retries, whatever the status code. */
    public int refusedInAll() {
        return stillRefused.values().stream().mapToInt(Integer::intValue).sum();
    }
}
