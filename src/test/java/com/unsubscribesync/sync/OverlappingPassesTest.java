package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine lets the next pass claim, look up and send while the previous one waits for Salesforce's answers (a
 * Bulk job's first look alone is half a second), but never more than two passes at once.
 */
class OverlappingPassesTest {
    private final Database database = Database.openInMemory("overlapping-passes");
    private final WaitingPasses passes = new WaitingPasses();
    private final Engine engine = new Engine(
            passes,
            new NightlyScheduler(
                    new SettingsRepository(database),
                    new SyncRunRepository(database),
                    trigger -> {},
                    Clock.systemUTC()),
            database.changes());

    @AfterEach
    void close() {
        passes.answers.countDown();
        engine.close();
        database.close();
    }

    @Test
    void theNextPassStartsWhileTheFirstWaitsForSalesforcesAnswers() {
        engine.start();
        passes.arrive(engine);
        Eventually.within(Duration.ofSeconds(10)).until("the first pass to send", () -> passes.started.get() == 1);

        passes.arrive(engine);
        Eventually.within(Duration.ofSeconds(10))
                .until("a second pass while the first still waits", () -> passes.started.get() == 2);
        assertThat(passes.underWay.get()).as("both waiting for their answers").isEqualTo(2);
        assertThat(passes.passUnderWaySeen)
                .as("the gathering was told a pass is under way")
                .isPositive();
    }

    @Test
    void noThirdPassStartsWhileTwoWaitForTheirAnswers() throws Exception {
        engine.start();
        passes.arrive(engine);
        Eventually.within(Duration.ofSeconds(10)).until("the first pass", () -> passes.started.get() == 1);
        passes.arrive(engine);
        Eventually.within(Duration.ofSeconds(10)).until("the second pass", () -> passes.started.get() == 2);

        passes.arrive(engine);
        Thread.sleep(600);
        assertThat(passes.started.get()).as("the third waits for a pass to end").isEqualTo(2);

        passes.answers.countDown();
        Eventually.within(Duration.ofSeconds(10))
                .until("the third pass once the others ended", () -> passes.started.get() == 3);
        Eventually.within(Duration.ofSeconds(10)).until("everything settled", () -> passes.settled.get() == 3);
    }

    @Test
    void withNothingToPushTheEngineWaitsBetweenLooks() throws Exception {
        engine.start();
        Thread.sleep(1_200);
        assertThat(passes.looks.get())
                .as("passes that found nothing, in 1.2 s: one every 400 ms, not one after another")
                .isBetween(1, 6);
    }

    /** Passes whose writes wait for an answer until the test lets them have it. */
    private static final class WaitingPasses implements OutboxPasses {
        final AtomicInteger due = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger underWay = new AtomicInteger();
        final AtomicInteger settled = new AtomicInteger();
        final AtomicInteger looks = new AtomicInteger();
        final CountDownLatch answers = new CountDownLatch(1);
        volatile int passUnderWaySeen;

        void arrive(Engine engine) {
            due.incrementAndGet();
            engine.wake();
        }

        @Override
        public Duration untilBurstGathered(boolean passUnderWay) {
            if (passUnderWay) {
                passUnderWaySeen++;
            }
            return Duration.ZERO;
        }

        @Override
        public PushReport drainOnce(Runnable sending) {
            looks.incrementAndGet();
            int entries = due.getAndSet(0);
            if (entries == 0) {
                return PushReport.NOTHING;
            }
            started.incrementAndGet();
            underWay.incrementAndGet();
            sending.run();
            try {
                answers.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                underWay.decrementAndGet();
            }
            settled.addAndGet(entries);
            return new PushReport(entries, entries, entries, 0, 0);
        }
    }
}
