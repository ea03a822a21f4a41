package com.unsubscribesync.sync;

import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.store.Change;
import com.unsubscribesync.store.ChangeFeed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background half of the app: one worker draining the real-time outbox, one checking the nightly schedule.
 * The outbox is polled, so unsubscribes recorded by another process on the same data directory are pushed too; the
 * store's change feed wakes the worker at once when any process (on PostgreSQL, any node) queues a push, and has
 * the schedule checked again when the settings change.
 */
public final class Engine implements AutoCloseable {
    private static final Duration IDLE_POLL = Duration.ofMillis(400);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final RealtimePusher pusher;
    private final NightlyScheduler scheduler;
    private final ChangeFeed changes;
    private final Object signal = new Object();
    private Optional<ChangeFeed.Subscription> following = Optional.empty();
    private ExecutorService pushing;
    private ScheduledExecutorService scheduling;
    private volatile boolean running;

    public Engine(RealtimePusher pusher, NightlyScheduler scheduler, ChangeFeed changes) {
        this.pusher = pusher;
        this.scheduler = scheduler;
        this.changes = changes;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        pushing = Executors.newSingleThreadExecutor(daemon("realtime-pusher"));
        pushing.submit(this::pushUntilStopped);
        scheduling = Executors.newSingleThreadScheduledExecutor(daemon("nightly-scheduler"));
        scheduler.start(scheduling);
        following = Optional.of(changes.listen(this::changed));
    }

    private void changed(Change change) {
        switch (change) {
            case OUTBOX, UNSUBSCRIBES -> wake();
            case SETTINGS -> scheduler.checkAgain();
            case CONFLICTS, RUNS, PUSHED -> {}
        }
    }

    /** Tells the pusher that something was just recorded, so it does not wait for its next poll. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void pushUntilStopped() {
        while (running) {
            Duration pause = IDLE_POLL;
            try {
                Duration gathering = pusher.untilBurstGathered();
                if (!gathering.isZero()) {
                    Thread.sleep(gathering.toMillis());
                    continue;
                }
                PushReport pass = pusher.drainOnce();
                if (pass.settled() > 0) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SalesforceException e) {
                // The org could not be opened: whoever opens it logs the wait and its back-off.
                LOG.debug("Real-time push waits for Salesforce: {}", e.getMessage());
                pause = AFTER_ERROR;
            } catch (RuntimeException e) {
                LOG.error("Real-time push failed; trying again shortly", e);
                pause = AFTER_ERROR;
            }
            synchronized (signal) {
                try {
                    signal.wait(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        following.ifPresent(ChangeFeed.Subscription::close);
        following = Optional.empty();
        wake();
        scheduler.close();
        scheduling.shutdown();
        pushing.shutdown();
        try {
            if (!pushing.awaitTermination(30, TimeUnit.SECONDS) || !scheduling.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The engine did not stop within 30 s; the outbox keeps whatever was not pushed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
