package com.unsubscribesync.sync;

import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.store.Change;
import com.unsubscribesync.store.ChangeFeed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
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
    /**
     * A pass's writes wait for Salesforce (a Bulk job's first look alone is half a second); a second pass may claim,
     * look up and send the next burst meanwhile, but not a third, so that a burst still gathers into few passes.
     */
    static final int PASSES_AT_ONCE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final OutboxPasses pusher;
    private final NightlyScheduler scheduler;
    private final ChangeFeed changes;
    private final Object signal = new Object();
    private Optional<ChangeFeed.Subscription> following = Optional.empty();
    private ExecutorService pushing;
    /** Runs the passes, one beside another at most while the older waits for Salesforce's answers. */
    private ExecutorService passes;

    private final Semaphore passSlots = new Semaphore(PASSES_AT_ONCE);
    private ScheduledExecutorService scheduling;
    private volatile boolean running;

    public Engine(RealtimePusher pusher, NightlyScheduler scheduler, ChangeFeed changes) {
        this((OutboxPasses) pusher, scheduler, changes);
    }

    Engine(OutboxPasses pusher, NightlyScheduler scheduler, ChangeFeed changes) {
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
        passes = Executors.newFixedThreadPool(PASSES_AT_ONCE, daemon("realtime-pass"));
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
                Duration gathering = pusher.untilBurstGathered(passSlots.availablePermits() < PASSES_AT_ONCE);
                if (!gathering.isZero()) {
                    Thread.sleep(gathering.toMillis());
                    continue;
                }
                passSlots.acquire();
                if (!running) {
                    passSlots.release();
                    return;
                }
                CompletableFuture<Void> sending = new CompletableFuture<>();
                CompletableFuture<Duration> pass = CompletableFuture.supplyAsync(() -> pass(sending), passes);
                CompletableFuture.anyOf(sending, pass).join();
                if (!pass.isDone()) {
                    // Its writes are on their way: the next burst may gather and be looked up meanwhile.
                    continue;
                }
                pause = pass.join();
                if (pause.isZero()) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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

    /** One pass; how long to wait before the next look: none after a pass that settled something. */
    private Duration pass(CompletableFuture<Void> sending) {
        try {
            return pusher.drainOnce(() -> sending.complete(null)).settled() > 0 ? Duration.ZERO : IDLE_POLL;
        } catch (SalesforceException e) {
            // The org could not be opened: whoever opens it logs the wait and its back-off.
            LOG.debug("Real-time push waits for Salesforce: {}", e.getMessage());
            return AFTER_ERROR;
        } catch (RuntimeException e) {
            LOG.error("Real-time push failed; trying again shortly", e);
            return AFTER_ERROR;
        } finally {
            passSlots.release();
            // What arrived meanwhile no longer waits for this pass.
            wake();
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
            // The loop has stopped starting passes before the passes' pool is shut.
            boolean stopped = pushing.awaitTermination(30, TimeUnit.SECONDS);
            passes.shutdown();
            stopped &= passes.awaitTermination(30, TimeUnit.SECONDS);
            stopped &= scheduling.awaitTermination(30, TimeUnit.SECONDS);
            if (!stopped) {
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
