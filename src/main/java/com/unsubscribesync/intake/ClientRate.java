package com.unsubscribesync.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests per client address (or per API key), as a bucket per client that refills steadily: a burst of a third of a minute's
 * allowance, then the minute's pace. Buckets of clients gone quiet are dropped, so a flood of addresses cannot fill
 * memory with them.
 */
final class ClientRate<K> {
    private static final int MOST_CLIENTS = 10_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<K, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long at;
    }

    ClientRate(int perMinute, LongSupplier nanos) {
        this.perNano = perMinute / 60e9;
        this.burst = Math.max(1, perMinute / 3.0);
        this.nanos = nanos;
    }

    /** Whether this client may make one more request now (and counts it). */
    synchronized boolean allow(K client) {
        long now = nanos.getAsLong();
        if (buckets.size() >= MOST_CLIENTS) {
            buckets.values().removeIf(bucket -> refilled(bucket, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.at = now;
            return fresh;
        });
        bucket.tokens = refilled(bucket, now);
        bucket.at = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
    }
}
