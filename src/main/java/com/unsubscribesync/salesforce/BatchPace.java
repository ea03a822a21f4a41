package com.unsubscribesync.salesforce;

import java.time.Duration;

/**
 * How long this org took per record on its last update job, so that the first look at the next job comes about
 * when it should be done. A look too early costs a request; a look too late holds a real-time push's next pass
 * (ADR 0085). The first wait only ever shortens from the configured one: an org slower than that is watched as
 * before, and one slow job (a queue at Salesforce) never delays the first look at the next.
 */
final class BatchPace {
    /** Below this a look would mostly find the batch still running, at a local org or any other. */
    static final Duration SHORTEST_FIRST_WAIT = Duration.ofMillis(50);
    /** Aim a little past the estimate: a look that finds the batch running costs one more request. */
    private static final double MARGIN = 1.25;

    private final Duration configured;
    private double nanosPerRecord = Double.NaN;

    BatchPace(Duration configured) {
        this.configured = configured;
    }

    /** The wait before the first look at a job of {@code records} records. */
    synchronized Duration firstWait(int records) {
        if (Double.isNaN(nanosPerRecord)) {
            return configured;
        }
        long nanos = (long) Math.min(Long.MAX_VALUE, nanosPerRecord * records * MARGIN);
        Duration estimate = Duration.ofNanos(Math.max(nanos, SHORTEST_FIRST_WAIT.toNanos()));
        return estimate.compareTo(configured) < 0 ? estimate : configured;
    }

    /**
     * A job of {@code records} was seen still running {@code runningAt} after it was closed (zero when no look
     * found it running) and done {@code doneAt} after: it finished in between, taken as the middle.
     */
    synchronized void observed(int records, Duration runningAt, Duration doneAt) {
        if (records > 0) {
            nanosPerRecord = (runningAt.toNanos() + doneAt.toNanos()) / 2.0 / records;
        }
    }
}
