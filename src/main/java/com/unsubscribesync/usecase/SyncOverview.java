package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.IntakeCountRepository;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.RunDetail;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.sync.NightlyScheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads only: how the sync stands (the status of both front ends) and the runs it made. */
public final class SyncOverview {
    private final SettingsRepository settings;
    private final PeopleRepository people;
    private final UnsubscribeRepository unsubscribes;
    private final ConflictRepository conflicts;
    private final OutboxRepository outbox;
    private final SyncRunRepository runs;
    private final NightlyScheduler scheduler;
    private final IntakeCountRepository intakeCounts;
    private final Clock clock;

    public SyncOverview(
            SettingsRepository settings,
            PeopleRepository people,
            UnsubscribeRepository unsubscribes,
            ConflictRepository conflicts,
            OutboxRepository outbox,
            SyncRunRepository runs,
            NightlyScheduler scheduler,
            IntakeCountRepository intakeCounts,
            Clock clock) {
        this.settings = settings;
        this.people = people;
        this.unsubscribes = unsubscribes;
        this.conflicts = conflicts;
        this.outbox = outbox;
        this.runs = runs;
        this.scheduler = scheduler;
        this.intakeCounts = intakeCounts;
        this.clock = clock;
    }

    /**
     * The local half of the status.
     *
     * @param linked  people with a Salesforce ID
     * @param nextRun empty while the nightly sync is off
     */
    public record Figures(
            SyncSettings settings, long people, long linked, Optional<SyncRun> lastRun, Optional<Instant> nextRun) {}

    public Figures figures() {
        return new Figures(
                settings.load(), people.count(), people.countWithSalesforceId(), runs.last(), scheduler.nextRun());
    }

    public Map<ConflictKind, Long> openConflicts() {
        return conflicts.openCountsByKind();
    }

    public long unsubscribes() {
        return unsubscribes.count();
    }

    /** Unsubscribes from clicked links recorded since midnight in the admin's zone, by any intake on this store. */
    public long clickedToday(ZoneId zone) {
        Instant midnight =
                LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        return unsubscribes.countFrom(UnsubscribeSource.CLICKED_LINK, midnight);
    }

    /** What every intake on this store refused since midnight in the admin's zone, and its failed commits. */
    public IntakeToday intakeToday(ZoneId zone) {
        return IntakeToday.of(intakeCounts.on(LocalDate.now(clock.withZone(zone))));
    }

    public long outboxPending() {
        return outbox.pendingCount();
    }

    public Optional<Instant> nextRun() {
        return scheduler.nextRun();
    }

    /** Past runs, newest first. */
    public List<SyncRun> runs(int limit) {
        return runs.recent(limit, false);
    }

    /** What one run did. */
    public Optional<RunDetail> run(long id) {
        return runs.detail(id);
    }
}
