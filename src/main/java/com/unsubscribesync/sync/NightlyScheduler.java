package com.unsubscribesync.sync;

import com.unsubscribesync.domain.NightlySchedule;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the nightly run at 8 PM Pacific while the nightly sync is enabled, and once at start when a slot was
 * missed while the app was closed. It checks the clock every few seconds rather than sleeping until the slot, so
 * that a changed setting, a suspended laptop or a clock change is noticed.
 */
public final class NightlyScheduler implements AutoCloseable {
    private static final long TICK_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(NightlyScheduler.class);

    private final SettingsRepository settings;
    private final SyncRunRepository runs;
    private final Consumer<SyncRun.Trigger> runner;
    private final Clock clock;
    private Instant lastSlotHandled;
    private ScheduledFuture<?> ticking;
    private ScheduledExecutorService executor;

    public NightlyScheduler(
            SettingsRepository settings, SyncRunRepository runs, Consumer<SyncRun.Trigger> runner, Clock clock) {
        this.settings = settings;
        this.runs = runs;
        this.runner = runner;
        this.clock = clock;
    }

    /** Checks for a missed slot now, then keeps checking on the given single-thread executor. */
    public synchronized void start(ScheduledExecutorService executor) {
        this.executor = executor;
        ticking = executor.scheduleWithFixedDelay(this::tickSafely, 0, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Checks at once rather than at the next tick, on the scheduler's executor: the settings changed, maybe on
     * another node (the nightly sync switched on or off).
     */
    public synchronized void checkAgain() {
        if (executor != null && !ticking.isCancelled()) {
            try {
                executor.execute(this::tickSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                LOG.debug("The scheduler stopped before it could check again");
            }
        }
    }

    /** The next scheduled run, when the nightly sync is on. */
    public Optional<Instant> nextRun() {
        return settings.load().nightlySync()
                ? Optional.of(NightlySchedule.nextRunAfter(clock.instant()))
                : Optional.empty();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Nightly scheduler check failed; trying again shortly", e);
        }
    }

    /** One check: runs the sync when a slot has come that this scheduler has not handled yet. */
    public synchronized void tick() {
        if (!settings.load().nightlySync()) {
            lastSlotHandled = null;
            return;
        }
        Instant now = clock.instant();
        Instant slot = NightlySchedule.previousRunAtOrBefore(now);
        if (lastSlotHandled == null) {
            lastSlotHandled = slot;
            Optional<SyncRun> last = runs.last();
            if (last.isPresent() && last.get().startedAt().isBefore(slot)) {
                LOG.info("The nightly run of {} was missed; catching up now", slot);
                runner.accept(SyncRun.Trigger.CATCH_UP);
            }
            return;
        }
        if (slot.isAfter(lastSlotHandled)) {
            lastSlotHandled = slot;
            runner.accept(SyncRun.Trigger.SCHEDULE);
        }
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
