package com.unsubscribesync.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential back-off with jitter, so that many failing pushes do not retry in step (no retry storms),
 * and a cap on attempts after which a failure is handed to the admin.
 */
public final class RetryPolicy {
    private final Duration first;
    private final Duration cap;
    private final int maxAttempts;
    private final RandomGenerator random;

    public RetryPolicy(Duration first, Duration cap, int maxAttempts, RandomGenerator random) {
        this.first = first;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    public static RetryPolicy standard(RandomGenerator random) {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(15), 10, random);
    }

    /** The wait before attempt number {@code attempt + 1}: first × 2^(attempt-1), capped, then ±20 %. */
    public Duration delayAfter(int attempt) {
        double base = first.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, cap.toMillis());
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }

    public boolean givesUpAfter(int attempt) {
        return attempt >= maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
