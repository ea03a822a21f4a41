package com.unsubscribesync.bench;

import com.unsubscribesync.localorg.OrgAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Records a burst of unsubscribes at an even pace over a window and times each one until the org shows every record
 * with its address opted out. The org tells when each opt-out is set, from inside: watching costs no API calls,
 * and neither the org's lock nor a core, which a look at every record every few milliseconds took from what it
 * measured.
 */
final class BurstTiming {
    private static final long WATCH_EVERY_NANOS = Duration.ofMillis(20).toNanos();
    /** What arrived in the last 10 ms is committed together, as an intake taking clicks in small batches would. */
    private static final long RECORD_EVERY_NANOS = Duration.ofMillis(10).toNanos();

    /** Records some of the burst; returns once they are committed. */
    @FunctionalInterface
    interface Recorder {
        void record(List<String> emails);
    }

    /** When everything was recorded, and how long each address took from being recorded to being opted out. */
    record Timing(double recordMs, double wallMs, double p50Ms, double p99Ms, double maxMs, int missed) {}

    private BurstTiming() {}

    static Timing run(OrgAdmin org, BenchWorkload.Burst burst, Duration window, Duration patience, Recorder recorder) {
        Map<String, String> emailOf = new ConcurrentHashMap<>();
        burst.recordsByEmail().forEach((email, ids) -> ids.forEach(id -> emailOf.put(id, email)));
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        org.watchOptOuts(id -> {
            if (emailOf.containsKey(id)) {
                seenAt.putIfAbsent(id, System.nanoTime());
            }
        });

        List<String> emails = burst.emails();
        Map<String, Long> recordedAt = new HashMap<>();
        long start = System.nanoTime();
        int next = 0;
        for (long tick = 0; next < emails.size(); tick++) {
            long at = start + tick * RECORD_EVERY_NANOS;
            LockSupport.parkNanos(at - System.nanoTime());
            long now = System.nanoTime();
            int due = (int) Math.min(
                    emails.size(), (now - start + RECORD_EVERY_NANOS) * emails.size() / Math.max(1, window.toNanos()));
            if (due <= next) {
                continue;
            }
            List<String> group = emails.subList(next, due);
            recorder.record(group);
            long committed = System.nanoTime();
            group.forEach(email -> recordedAt.put(email, committed));
            next = due;
        }
        long recorded = System.nanoTime();
        try {
            waitForAll(emailOf.size(), seenAt, patience);
        } finally {
            org.watchOptOuts(null);
        }

        List<Long> latencies = new ArrayList<>();
        long last = start;
        int missed = 0;
        for (String email : emails) {
            long done = Long.MIN_VALUE;
            for (String id : burst.recordsByEmail().get(email)) {
                done = Math.max(done, seenAt.getOrDefault(id, Long.MAX_VALUE));
            }
            if (done == Long.MAX_VALUE) {
                missed++;
                continue;
            }
            latencies.add(done - recordedAt.get(email));
            last = Math.max(last, done);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Timing(
                millis(recorded - start),
                millis(last - start),
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)),
                millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                missed);
    }

    private static void waitForAll(int records, Map<String, Long> seenAt, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (seenAt.size() < records && System.nanoTime() < deadline) {
            LockSupport.parkNanos(WATCH_EVERY_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
