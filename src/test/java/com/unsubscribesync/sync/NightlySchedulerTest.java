package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NightlySchedulerTest {
    private Database database;
    private SettingsRepository settings;
    private SyncRunRepository runs;
    private final List<SyncRun.Trigger> started = new ArrayList<>();
    private TestClock clock;
    private NightlyScheduler scheduler;

    @BeforeEach
    void open() {
        database = Database.openInMemory("scheduler-" + UUID.randomUUID());
        settings = new SettingsRepository(database);
        runs = new SyncRunRepository(database);
        clock = TestClock.at("2026-03-07T12:00:00Z");
        scheduler = new NightlyScheduler(
                settings,
                runs,
                trigger -> {
                    started.add(trigger);
                    long id = runs.start(trigger, false, clock.instant());
                    runs.finish(
                            id,
                            SyncRun.Outcome.SUCCEEDED,
                            SyncRun.Counts.NONE,
                            Optional.empty(),
                            Optional.of(clock.instant()),
                            clock.instant());
                },
                clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void nothingRunsWhileTheNightlySyncIsOff() {
        for (int hour = 0; hour < 72; hour++) {
            clock.advance(Duration.ofHours(1));
            scheduler.tick();
        }
        assertThat(started).isEmpty();
        assertThat(scheduler.nextRun()).isEmpty();
    }

    @Test
    void runsOnceAtEightPmPacificAcrossTheSpringChangeOfClocks() {
        settings.save(SyncSettings.defaults().withNightlySync(true));
        List<Instant> runTimes = runTimesOver(Duration.ofDays(3));
        // 7 March is PST (UTC-8); clocks go forward on 8 March, so 8 and 9 March are PDT (UTC-7).
        assertThat(runTimes)
                .containsExactly(
                        Instant.parse("2026-03-08T04:00:00Z"),
                        Instant.parse("2026-03-09T03:00:00Z"),
                        Instant.parse("2026-03-10T03:00:00Z"));
    }

    @Test
    void runsOnceAtEightPmPacificAcrossTheAutumnChangeOfClocks() {
        clock.set(Instant.parse("2026-10-31T12:00:00Z"));
        settings.save(SyncSettings.defaults().withNightlySync(true));
        List<Instant> runTimes = runTimesOver(Duration.ofDays(2));
        // Clocks go back on 1 November: 31 October is PDT (UTC-7), 1 November PST (UTC-8).
        assertThat(runTimes)
                .containsExactly(Instant.parse("2026-11-01T03:00:00Z"), Instant.parse("2026-11-02T04:00:00Z"));
    }

    @Test
    void aSlotMissedWhileTheAppWasClosedIsCaughtUpOnceAtStart() {
        settings.save(SyncSettings.defaults().withNightlySync(true));
        scheduledRunSucceeded(Instant.parse("2026-03-06T04:00:00Z"));

        scheduler.tick();
        scheduler.tick();

        assertThat(started).containsExactly(SyncRun.Trigger.CATCH_UP);
    }

    @Test
    void noCatchUpWhenTheLastSlotAlreadyRan() {
        settings.save(SyncSettings.defaults().withNightlySync(true));
        scheduledRunSucceeded(Instant.parse("2026-03-07T04:00:00Z"));
        scheduler.tick();
        assertThat(started).isEmpty();
        assertThat(scheduler.nextRun()).contains(Instant.parse("2026-03-08T04:00:00Z"));
    }

    /** The times a scheduler, ticked every five minutes for {@code span}, started a run at. */
    private List<Instant> runTimesOver(Duration span) {
        List<Instant> runTimes = new ArrayList<>();
        scheduler = new NightlyScheduler(settings, runs, trigger -> runTimes.add(clock.instant()), clock);
        scheduler.tick();
        for (Duration passed = Duration.ZERO; passed.compareTo(span) < 0; passed = passed.plusMinutes(5)) {
            clock.advance(Duration.ofMinutes(5));
            scheduler.tick();
        }
        return runTimes;
    }

    /** A scheduled run that started at {@code at} and succeeded a minute later. */
    private void scheduledRunSucceeded(Instant at) {
        long id = runs.start(SyncRun.Trigger.SCHEDULE, false, at);
        runs.finish(
                id,
                SyncRun.Outcome.SUCCEEDED,
                SyncRun.Counts.NONE,
                Optional.empty(),
                Optional.empty(),
                at.plus(Duration.ofMinutes(1)));
    }
}
