package com.unsubscribesync.intake;

import com.unsubscribesync.usecase.IntakeTally;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the intake's counts to the store every few seconds from a thread of its own, and once more on close. */
final class CountSaving implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(CountSaving.class);

    private final IntakeTally tally;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "intake-counts");
        thread.setDaemon(true);
        return thread;
    });

    CountSaving(IntakeTally tally) {
        this.tally = tally;
        saver.scheduleWithFixedDelay(this::save, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void save() {
        try {
            tally.save();
        } catch (RuntimeException e) {
            // The totals stay in memory: the next save writes them.
            LOG.warn(
                    "Intake: its counts of refused requests could not be written: {}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save();
    }
}
