package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class RunLockFencingTest {
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final SyncRun.Counts COUNTS = new SyncRun.Counts(1, 2, 1, 0, 3);
    private Database database;
    private RunLock lock;
    private SyncRunRepository runs;
    private UnsubscribeRepository unsubscribes;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        this.lock = new RunLock(database, "nightly");
        this.runs = new SyncRunRepository(database);
        this.unsubscribes = new UnsubscribeRepository(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void aRunPausedPastItsLeaseCannotWriteOnceAnotherRunTookTheLockOver() {
        Fence a = fence("run-a", NOW);
        long runA = runs.start(SyncRun.Trigger.SCHEDULE, false, NOW);
        Fence b = fence("run-b", NOW.plus(LEASE));
        long runB = runs.start(SyncRun.Trigger.SCHEDULE, false, NOW.plus(LEASE));

        assertThatThrownBy(() -> unsubscribes.addAll(imported("ann@example.com"), a))
                .isInstanceOf(Fence.LeaseLostException.class);
        assertThatThrownBy(() -> finish(a, runA)).isInstanceOf(Fence.LeaseLostException.class);

        assertThat(unsubscribes.isUnsubscribed(Email.parse("ann@example.com"))).isFalse();
        assertThat(outcomeOf(runA)).isEqualTo(SyncRun.Outcome.RUNNING);

        assertThat(unsubscribes.addAll(imported("bob@example.com"), b)).isEqualTo(1);
        finish(b, runB);
        assertThat(outcomeOf(runB)).isEqualTo(SyncRun.Outcome.SUCCEEDED);
    }

    @OnEachStore
    void aRunPausedPastItsLeaseNeitherPutsItsReadingInTheMirrorNorAddsConflicts() {
        MirrorRepository mirror = new MirrorRepository(database);
        ConflictRepository conflicts = new ConflictRepository(database);
        Fence a = fence("run-a", NOW);
        Fence b = fence("run-b", NOW.plus(LEASE));
        Email ann = Email.parse("ann@example.com");

        assertThatThrownBy(() -> mirror.save(List.of(pulled(ann, false)), a))
                .isInstanceOf(Fence.LeaseLostException.class);
        assertThatThrownBy(() -> conflicts.record(conflict(ann), NOW, a)).isInstanceOf(Fence.LeaseLostException.class);
        assertThatThrownBy(() -> conflicts.recordAll(List.of(conflict(ann)).iterator(), NOW, a))
                .isInstanceOf(Fence.LeaseLostException.class);

        assertThat(mirror.byEmail(ann)).isEmpty();
        assertThat(conflicts.open(Optional.empty(), 10)).isEmpty();

        mirror.save(List.of(pulled(ann, true)), b);
        assertThat(conflicts.recordAll(List.of(conflict(ann), conflict(ann)).iterator(), NOW, b))
                .isEqualTo(1);
        assertThat(mirror.byEmail(ann))
                .singleElement()
                .satisfies(row -> assertThat(row.optedOut()).isTrue());
        assertThat(conflicts.open(Optional.empty(), 10)).hasSize(1);
    }

    private static MirrorRepository.Pulled pulled(Email email, boolean optedOut) {
        return new MirrorRepository.Pulled(
                new MirrorRecord(
                        SalesforceId.parse("003xx000004TmiQAAS"),
                        Optional.of(email),
                        optedOut,
                        optedOut,
                        false,
                        Optional.empty(),
                        false,
                        Optional.empty()),
                NOW);
    }

    private static ConflictRepository.NewConflict conflict(Email email) {
        return new ConflictRepository.NewConflict(
                ConflictKind.RESUBSCRIBED_IN_SALESFORCE,
                Optional.of(email),
                Optional.of(SalesforceId.parse("003xx000004TmiQAAS")),
                Optional.of(SObjectType.CONTACT),
                Optional.empty(),
                "unchecked in Salesforce");
    }

    @OnEachStore
    void aRunWhoseLeaseLapsedWithNobodyTakingItOverStillWrites() {
        Fence a = fence("run-a", NOW);
        long runA = runs.start(SyncRun.Trigger.SCHEDULE, false, NOW);

        finish(a, runA);

        assertThat(outcomeOf(runA)).isEqualTo(SyncRun.Outcome.SUCCEEDED);
    }

    @OnEachStore
    void everyNewHolderGetsAHigherFenceAndARenewalKeepsItsOwn() {
        long first = lock.acquire("run-a", LEASE, NOW).orElseThrow();
        assertThat(lock.acquire("run-a", LEASE, NOW.plusSeconds(60))).hasValue(first);

        lock.release("run-a");
        long second = lock.acquire("run-b", LEASE, NOW.plusSeconds(61)).orElseThrow();
        long third =
                lock.acquire("run-c", LEASE, NOW.plusSeconds(61).plus(LEASE)).orElseThrow();

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    private Fence fence(String holder, Instant at) {
        long number = lock.acquire(holder, LEASE, at).orElseThrow();
        return new Fence("nightly", holder, number);
    }

    private void finish(Fence fence, long run) {
        runs.finishHolding(
                fence,
                run,
                SyncRun.Outcome.SUCCEEDED,
                COUNTS,
                0,
                List.of(),
                Optional.empty(),
                Optional.of(NOW),
                NOW.plus(LEASE));
    }

    private SyncRun.Outcome outcomeOf(long run) {
        return runs.recent(10, true).stream()
                .filter(recorded -> recorded.id() == run)
                .findFirst()
                .orElseThrow()
                .outcome();
    }

    private static java.util.Iterator<Unsubscribe> imported(String email) {
        return List.of(new Unsubscribe(
                        Email.parse(email), NOW, UnsubscribeSource.SALESFORCE_SYNC, "nightly sync", Optional.empty()))
                .iterator();
    }
}
