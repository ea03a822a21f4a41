package com.unsubscribesync.localorg.latency;

import java.time.Duration;
import java.util.Random;

/**
 * The latency profile the org answers under now, changeable while it runs. Jitter comes from its own generator
 * seeded at start, so latency never shifts the sequence of injected faults, and one client making the same calls
 * waits the same times.
 */
public final class CallLatency {
    private final Random jitter;
    private volatile LatencyProfile profile;
    private final CallsAtOnce atOnce = new CallsAtOnce();

    public CallLatency(long seed, LatencyProfile profile) {
        this.jitter = new Random(seed);
        this.profile = profile;
    }

    public void use(LatencyProfile value) {
        profile = value;
    }

    public LatencyProfile profile() {
        return profile;
    }

    /** The API requests being served at once, whatever the profile. */
    public CallsAtOnce atOnce() {
        return atOnce;
    }

    /** How long the answer to this call is held back. */
    public Duration delay(String operation, int rows) {
        LatencyProfile current = profile;
        if (current.isZero()) {
            return Duration.ZERO;
        }
        return current.delay(operation, rows, jitter.nextDouble());
    }

    /** Holds the calling thread for the call's delay; each call waits on its own worker, so callers never queue. */
    public void hold(String operation, int rows) {
        Duration delay = delay(operation, rows);
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
