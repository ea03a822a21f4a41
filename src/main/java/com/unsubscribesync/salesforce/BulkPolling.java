package com.unsubscribesync.salesforce;

import java.time.Clock;
import java.time.Duration;

/**
 * How a Bulk API job is watched until its batches are done: a first wait, doubling up to a cap, and a point after
 * which the batches still running are left for a later push. The sleeper and clock are parameters so tests do not
 * wait.
 */
public record BulkPolling(
        Duration firstWait, Duration maxWait, Duration giveUpAfter, RetryPolicy.Sleeper sleeper, Clock clock) {

    public BulkPolling {
        if (firstWait.isNegative() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("waits must be positive and the cap at least the first wait");
        }
    }

    /**
     * 0.5 s, doubling to 30 s, for up to 30 minutes (Salesforce gives a batch 10 minutes per try). A job of a few
     * thousand opt-outs, a real-time push's, is often done within a second: a first look at 2 s held the push's next
     * pass that long; looking earlier costs at most two more requests on a job that takes longer.
     */
    public static BulkPolling defaults() {
        return new BulkPolling(
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofMinutes(30),
                delay -> Thread.sleep(delay.toMillis()),
                Clock.systemUTC());
    }

    public BulkPolling withSleeper(RetryPolicy.Sleeper value) {
        return new BulkPolling(firstWait, maxWait, giveUpAfter, value, clock);
    }

    /** The wait before the {@code polls}-th look at the job (1 for the first). */
    public Duration waitBefore(int polls) {
        return waitBefore(polls, firstWait);
    }

    /** The same, when the first wait is {@code first} rather than the configured one. */
    public Duration waitBefore(int polls, Duration first) {
        Duration wait = first;
        for (int i = 1; i < polls && wait.compareTo(maxWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
