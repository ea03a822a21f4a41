package com.unsubscribesync.salesforce;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential back-off with jitter for an org that is briefly unavailable (maintenance page, reset
 * connection, timeout). The sleeper is a parameter so tests do not wait.
 *
 * @param attempts how many times one call is tried in all
 */
public record RetryPolicy(
        int attempts, Duration firstDelay, Duration maxDelay, Sleeper sleeper, RandomGenerator random) {

    /** Waits between two tries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                d -> Thread.sleep(d.toMillis()),
                RandomGenerator.getDefault());
    }

    public RetryPolicy withSleeper(Sleeper value) {
        return new RetryPolicy(attempts, firstDelay, maxDelay, value, random);
    }

    /** The wait after the {@code failures}-th failed try: random between half and all of the capped exponential. */
    public Duration delayAfter(int failures) {
        long ceiling = firstDelay.toMillis() << Math.min(20, Math.max(0, failures - 1));
        long capped = Math.min(maxDelay.toMillis(), ceiling);
        return Duration.ofMillis(capped <= 0 ? 0 : random.nextLong(capped / 2, capped + 1));
    }
}
