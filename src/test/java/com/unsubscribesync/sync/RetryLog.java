package com.unsubscribesync.sync;

import com.unsubscribesync.salesforce.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * Stands in for the waits between tries of a call: records them instead of sleeping, each with how many tries of
 * its call had failed. Calls go in parallel, so the tries are counted where the policy picks the wait's jitter: the
 * range it draws from grows with the failures, and is drawn on the thread that then waits.
 */
final class RetryLog implements RetryPolicy.Sleeper {
    private final List<Integer> failuresAtWait = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Long> ceiling = new ThreadLocal<>();
    private volatile Runnable onWait = () -> {};
    private long firstDelayMillis = 1;

    /** A policy that waits through this log; the cap is set far enough for every try to draw from its own range. */
    RetryPolicy policy(int attempts, Duration firstDelay, long seed) {
        firstDelayMillis = firstDelay.toMillis();
        Random random = new Random(seed);
        RandomGenerator jitter = new RandomGenerator() {
            @Override
            public long nextLong() {
                return random.nextLong();
            }

            @Override
            public long nextLong(long origin, long bound) {
                ceiling.set(bound - 1);
                return random.nextLong(origin, bound);
            }
        };
        return new RetryPolicy(attempts, firstDelay, firstDelay.multipliedBy(1L << (attempts + 2)), this, jitter);
    }

    /** Something that happens during each wait, e.g. the end of a latency spike. */
    void onWait(Runnable value) {
        onWait = value;
    }

    @Override
    public void sleep(Duration delay) {
        long drawnBelow = ceiling.get() == null ? firstDelayMillis : ceiling.get();
        failuresAtWait.add(1 + Long.numberOfTrailingZeros(Long.highestOneBit(drawnBelow / firstDelayMillis)));
        onWait.run();
    }

    int waits() {
        return failuresAtWait.size();
    }

    /** The most tries one call had: a call waited after each failed try but its last. */
    int mostTriesOfOneCall() {
        return 1 + failuresAtWait.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
