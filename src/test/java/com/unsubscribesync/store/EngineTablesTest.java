package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class EngineTablesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SalesforceId CONTACT = SalesforceId.parse("003000000000001");
    private Database database;

    @BeforeEach
    void open(Database database) {
        this.database = database;
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void onlyOneHolderHasTheRunLockUntilItLapses() {
        RunLock lock = new RunLock(database, "nightly");
        assertThat(lock.tryAcquire("a", Duration.ofMinutes(5), NOW)).isTrue();
        assertThat(lock.tryAcquire("b", Duration.ofMinutes(5), NOW.plusSeconds(60)))
                .isFalse();
        assertThat(lock.tryAcquire("a", Duration.ofMinutes(5), NOW.plusSeconds(60)))
                .as("renewal")
                .isTrue();
        assertThat(lock.tryAcquire("b", Duration.ofMinutes(5), NOW.plusSeconds(361)))
                .as("after the lease lapsed")
                .isTrue();
        lock.release("b");
        assertThat(lock.tryAcquire("c", Duration.ofMinutes(5), NOW.plusSeconds(362)))
                .isTrue();
    }

    @OnEachStore
    void aHeldRunLockIsRenewedWhileTheRunLastsAndFreedWhenItEnds() throws Exception {
        RunLock lock = new RunLock(database, "nightly");
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-28T20:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        java.time.Duration lease = java.time.Duration.ofMillis(200);
        try (RunLock.Held held = lock.hold("run-a", lease, clock).orElseThrow()) {
            for (int i = 0; i < 5; i++) {
                now.set(now.get().plusMillis(150));
                Thread.sleep(150);
                assertThat(lock.tryAcquire("run-b", lease, now.get()))
                        .as("taken over after %d renewals", i)
                        .isFalse();
            }
            assertThat(lock.hold("run-b", lease, clock)).isEmpty();
        }
        assertThat(lock.tryAcquire("run-b", lease, now.get())).isTrue();
    }

    @OnEachStore
    void aRunLeftOpenByAStoppedProcessIsClosedAsFailedByTheNextRun() {
        SyncRunRepository runs = new SyncRunRepository(database);
        Instant then = Instant.parse("2026-11-27T04:00:00Z");
        long abandoned = runs.start(SyncRun.Trigger.SCHEDULE, false, then);
        assertThat(runs.closeAbandoned(then.plusSeconds(86_400))).isEqualTo(1);
        assertThat(runs.recent(5, false)).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(abandoned);
            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
            assertThat(run.message()).hasValueSatisfying(m -> assertThat(m).contains("stopped before it finished"));
        });
        assertThat(runs.lastWatermark()).isEmpty();
    }

    @OnEachStore
    void mirrorRemembersThatARecordWasOptedOutBeforeSalesforceUncheckedIt() {
        MirrorRepository mirror = new MirrorRepository(database);
        mirror.save(List.of(pulled(true)));
        mirror.save(List.of(pulled(false)));
        MirrorRecord record = mirror.find(CONTACT).orElseThrow();
        assertThat(record.optedOut()).isFalse();
        assertThat(record.uncheckedInSalesforce()).isTrue();

        mirror.forgetEarlierOptOut(List.of(CONTACT));
        assertThat(mirror.find(CONTACT).orElseThrow().uncheckedInSalesforce()).isFalse();
    }

    @OnEachStore
    void aRowPulledAgainAsTheMirrorHoldsItIsNotWrittenAgain() {
        MirrorRepository mirror = new MirrorRepository(database);
        assertThat(mirror.save(List.of(pulled(false)))).as("new").isEqualTo(1);
        assertThat(mirror.save(List.of(pulled(false)))).as("the same again").isZero();
        assertThat(mirror.save(List.of(pulled(true)))).as("opted out since").isEqualTo(1);
        assertThat(mirror.find(CONTACT).orElseThrow().optedOut()).isTrue();
    }

    @OnEachStore
    void aRowPulledAgainWithAnyOneValueChangedIsWrittenWhileTheUnchangedRowsBesideItAreNot() {
        MirrorRepository mirror = new MirrorRepository(database);
        SalesforceId other = SalesforceId.parse("003000000000002");
        MirrorRepository.Pulled unchanged =
                new MirrorRepository.Pulled(untouched(other, Optional.of(Email.parse("bob@example.com"))), NOW);
        MirrorRecord base = pulled(false).record();
        SalesforceId lead = SalesforceId.parse("00Q000000000009");
        List<MirrorRecord> oneValueChanged = List.of(
                untouched(CONTACT, Optional.of(Email.parse("ann@example.org"))),
                untouched(CONTACT, Optional.empty()),
                base.withOptedOut(true),
                new MirrorRecord(CONTACT, base.email(), true, true, true, Optional.empty(), false, Optional.empty()),
                new MirrorRecord(CONTACT, base.email(), true, true, true, Optional.of(other), false, Optional.empty()),
                new MirrorRecord(CONTACT, base.email(), true, true, true, Optional.of(other), true, Optional.empty()),
                new MirrorRecord(CONTACT, base.email(), true, true, true, Optional.of(other), true, Optional.of(lead)));
        mirror.save(List.of(pulled(false), unchanged));
        Instant modstamp = NOW;
        for (MirrorRecord changed : oneValueChanged) {
            assertThat(mirror.save(List.of(unchanged, new MirrorRepository.Pulled(changed, modstamp))))
                    .as("written after %s", changed)
                    .isEqualTo(1);
            MirrorRecord held = mirror.find(CONTACT).orElseThrow();
            assertThat(held.email()).isEqualTo(changed.email());
            assertThat(held.optedOut()).isEqualTo(changed.optedOut());
            assertThat(held.converted()).isEqualTo(changed.converted());
            assertThat(held.convertedContactId()).isEqualTo(changed.convertedContactId());
            assertThat(held.deleted()).isEqualTo(changed.deleted());
            assertThat(held.masterRecordId()).isEqualTo(changed.masterRecordId());
        }
        MirrorRecord last = oneValueChanged.get(oneValueChanged.size() - 1);
        assertThat(mirror.save(List.of(new MirrorRepository.Pulled(last, modstamp))))
                .as("the same again")
                .isZero();
        assertThat(mirror.save(List.of(new MirrorRepository.Pulled(last, modstamp.plusMillis(1)))))
                .as("only the modstamp moved, and no dismissal watches the record")
                .isZero();
    }

    @OnEachStore
    void aRecordsNewModstampAloneIsKeptOnlyWhenADismissalOfItWatchesForChanges() {
        MirrorRepository mirror = new MirrorRepository(database);
        ConflictRepository conflicts = new ConflictRepository(database);
        SalesforceId watched = SalesforceId.parse("003000000000002");
        SalesforceId otherwiseResolved = SalesforceId.parse("003000000000003");
        MirrorRecord ann = untouched(CONTACT, Optional.of(Email.parse("ann@example.com")));
        MirrorRecord bob = untouched(watched, Optional.of(Email.parse("bob@example.com")));
        MirrorRecord cid = untouched(otherwiseResolved, Optional.of(Email.parse("cid@example.com")));
        mirror.save(List.of(
                new MirrorRepository.Pulled(ann, NOW),
                new MirrorRepository.Pulled(bob, NOW),
                new MirrorRepository.Pulled(cid, NOW)));
        resolved(conflicts, bob, ConflictRepository.DISMISS);
        resolved(conflicts, cid, "retry");
        Instant edited = NOW.plusSeconds(60);

        int written = mirror.save(List.of(
                new MirrorRepository.Pulled(ann, edited),
                new MirrorRepository.Pulled(bob, edited),
                new MirrorRepository.Pulled(cid, edited)));

        assertThat(written).as("only the dismissed record's row").isEqualTo(1);
        assertThat(modstamp(watched)).isEqualTo(edited);
        assertThat(modstamp(CONTACT)).isEqualTo(NOW);
        assertThat(modstamp(otherwiseResolved)).isEqualTo(NOW);
    }

    private static void resolved(ConflictRepository conflicts, MirrorRecord record, String resolution) {
        conflicts.record(
                new ConflictRepository.NewConflict(
                        ConflictKind.WRITE_REJECTED,
                        record.email(),
                        Optional.of(record.id()),
                        Optional.of(record.id().objectType()),
                        Optional.of("FIELD_CUSTOM_VALIDATION_EXCEPTION"),
                        "Refused by a validation rule"),
                NOW);
        Conflict raised = conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10).stream()
                .filter(c -> c.recordId().equals(Optional.of(record.id())))
                .findFirst()
                .orElseThrow();
        assertThat(conflicts.resolve(raised.id(), resolution, "admin", NOW)).isTrue();
    }

    private Instant modstamp(SalesforceId id) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement("SELECT system_modstamp FROM sf_mirror WHERE id = ?")) {
                select.setString(1, id.value());
                try (var row = select.executeQuery()) {
                    row.next();
                    return Database.instant(row, "system_modstamp");
                }
            }
        });
    }

    @OnEachStore
    void aBurstOfAddressesFindsItsMirroredRecordsAndItsPeoplesSalesforceIdsInOneLookEach() {
        MirrorRepository mirror = new MirrorRepository(database);
        PeopleRepository people = new PeopleRepository(database, CLOCK);
        mirror.save(List.of(pulled(true)));
        people.save(
                new Person(Email.parse("ann@example.com"), Optional.of("Ann"), Optional.empty(), Optional.of(CONTACT)));
        List<Email> burst = List.of(Email.parse("ann@example.com"), Email.parse("bob@example.com"));

        assertThat(mirror.liveByEmail(burst))
                .containsOnlyKeys(Email.parse("ann@example.com"))
                .extractingByKey(Email.parse("ann@example.com"))
                .satisfies(records ->
                        assertThat(records).extracting(MirrorRecord::id).containsExactly(CONTACT));
        assertThat(people.salesforceIds(burst))
                .containsExactly(java.util.Map.entry(Email.parse("ann@example.com"), java.util.Set.of(CONTACT)));
    }

    @OnEachStore
    void theSameOpenConflictIsStoredOnceAndCanBeResolved() {
        ConflictRepository conflicts = new ConflictRepository(database);
        ConflictRepository.NewConflict rejected = new ConflictRepository.NewConflict(
                ConflictKind.WRITE_REJECTED,
                Optional.of(Email.parse("ann@example.com")),
                Optional.of(CONTACT),
                Optional.of(SObjectType.CONTACT),
                Optional.of("FIELD_CUSTOM_VALIDATION_EXCEPTION"),
                "A validation rule refused the change.");
        assertThat(conflicts.record(rejected, NOW)).isTrue();
        assertThat(conflicts.record(rejected, NOW)).isFalse();
        assertThat(conflicts.openCountsByKind().get(ConflictKind.WRITE_REJECTED))
                .isEqualTo(1);

        long id = conflicts.open(Optional.empty(), 10).get(0).id();
        assertThat(conflicts.resolve(id, "dismiss", "admin", NOW)).isTrue();
        assertThat(conflicts.resolve(id, "dismiss", "admin", NOW)).isFalse();
        assertThat(conflicts.open(Optional.empty(), 10)).isEmpty();
        assertThat(conflicts.record(rejected, NOW))
                .as("a dismissal holds while nothing new happened")
                .isFalse();
        ConflictRepository.NewConflict otherReason = new ConflictRepository.NewConflict(
                ConflictKind.WRITE_REJECTED,
                rejected.email(),
                rejected.recordId(),
                rejected.objectType(),
                Optional.of("ENTITY_IS_LOCKED"),
                "The record is locked by an approval process.");
        assertThat(conflicts.record(otherReason, NOW))
                .as("a refusal for another reason is new")
                .isTrue();
    }

    @OnEachStore
    void conflictsRecordedTogetherAreEachStoredOnceAndOnlyTheNewOnesCount() {
        ConflictRepository conflicts = new ConflictRepository(database);
        ConflictRepository.NewConflict open = notInSalesforce("open@example.com");
        ConflictRepository.NewConflict dismissed = notInSalesforce("dismissed@example.com");
        conflicts.record(open, NOW);
        conflicts.record(dismissed, NOW);
        long dismissedId = conflicts.open(Optional.empty(), 10).stream()
                .filter(conflict -> conflict.email().equals(dismissed.email()))
                .findFirst()
                .orElseThrow()
                .id();
        conflicts.resolve(dismissedId, ConflictRepository.DISMISS, "admin", NOW);
        List<ConflictRepository.NewConflict> found = new ArrayList<>();
        found.add(open);
        found.add(dismissed);
        // More than one transaction's worth, and one address twice across the batches' border.
        for (int i = 0; i < ConflictRepository.TOGETHER * 2 + 1; i++) {
            found.add(notInSalesforce("person" + i + "@example.com"));
        }
        found.add(notInSalesforce("person0@example.com"));

        int added = conflicts.recordAll(found.iterator(), NOW);

        assertThat(added).isEqualTo(ConflictRepository.TOGETHER * 2 + 1);
        assertThat(conflicts.openCountsByKind().get(ConflictKind.NOT_IN_SALESFORCE))
                .as("the one open before, and each new address once; the dismissal still holds")
                .isEqualTo(ConflictRepository.TOGETHER * 2 + 2L);
    }

    private static ConflictRepository.NewConflict notInSalesforce(String email) {
        return new ConflictRepository.NewConflict(
                ConflictKind.NOT_IN_SALESFORCE,
                Optional.of(Email.parse(email)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "No Lead or Contact has this address.");
    }

    @OnEachStore
    void watermarkComesFromTheLastSuccessfulRealRunOnly() {
        SyncRunRepository runs = new SyncRunRepository(database);
        long good = runs.start(SyncRun.Trigger.SCHEDULE, false, NOW);
        runs.finish(good, SyncRun.Outcome.SUCCEEDED, SyncRun.Counts.NONE, Optional.empty(), Optional.of(NOW), NOW);
        long failed = runs.start(SyncRun.Trigger.RUN_NOW, false, NOW.plusSeconds(10));
        runs.finish(
                failed,
                SyncRun.Outcome.FAILED,
                SyncRun.Counts.NONE,
                Optional.of("org unreachable"),
                Optional.of(NOW.plusSeconds(10)),
                NOW.plusSeconds(20));
        long preview = runs.start(SyncRun.Trigger.RUN_NOW, true, NOW.plusSeconds(30));
        runs.finish(
                preview,
                SyncRun.Outcome.SUCCEEDED,
                SyncRun.Counts.NONE,
                Optional.empty(),
                Optional.of(NOW.plusSeconds(30)),
                NOW.plusSeconds(40));

        assertThat(runs.lastWatermark()).contains(NOW);
        assertThat(runs.recent(10, false)).hasSize(2);
    }

    @OnEachStore
    void anOutboxEntryStampedBetweenTwoMicrosecondsIsDueAtTheMomentItWasStamped() {
        OutboxRepository outbox = new OutboxRepository(database);
        Instant stamped = NOW.plusNanos(999);

        outbox.enqueue(Email.parse("ann@example.com"), stamped);

        assertThat(outbox.due(stamped, 10)).hasSize(1);
    }

    @OnEachStore
    void outboxEntryRetriedLaterIsNotDueBeforeItsTime() {
        OutboxRepository outbox = new OutboxRepository(database);
        outbox.enqueue(Email.parse("ann@example.com"), NOW);
        OutboxEntry entry =
                outbox.claim("node-a", NOW, Duration.ofSeconds(30), 10).get(0);
        outbox.retryLater("node-a", entry.id(), 1, NOW.plusSeconds(30), "UNABLE_TO_LOCK_ROW");
        assertThat(outbox.due(NOW.plusSeconds(29), 10)).isEmpty();
        assertThat(outbox.due(NOW.plusSeconds(30), 10))
                .singleElement()
                .extracting(OutboxEntry::attempts)
                .isEqualTo(1);
        assertThat(outbox.nextDue()).contains(NOW.plusSeconds(30));
        outbox.remove(
                "node-a",
                outbox.claim("node-a", NOW.plusSeconds(30), Duration.ofSeconds(30), 10).stream()
                        .map(OutboxEntry::id)
                        .toList());
        assertThat(outbox.pendingCount()).isZero();
    }

    @OnEachStore
    void aPlanWhoseRunDiedIsDeletedByTheNextRunOnceItsLeaseLapsedAndNotBefore() {
        new UnsubscribeRepository(database, CLOCK)
                .add(new Unsubscribe(
                        Email.parse("ann@example.com"), NOW, UnsubscribeSource.MANUAL, "tester", Optional.empty()));
        RunPlanRepository plans = new RunPlanRepository(database);
        RunPlan died = plans.open(true, 100, NOW);
        died.savePulled(List.of(pulled(true)));
        assertThat(died.seedAddresses()).isEqualTo(1);

        plans.open(false, 100, NOW.plus(Duration.ofMinutes(9))).close();
        assertThat(died.addresses(1, Optional.empty(), 10))
                .as("a plan within its lease")
                .hasSize(1);
        assertThat(died.records(List.of(CONTACT))).as("what the preview pulled").hasSize(1);
        died.renew(NOW.plus(Duration.ofMinutes(9)));
        plans.open(false, 100, NOW.plus(Duration.ofMinutes(18))).close();
        assertThat(died.addresses(1, Optional.empty(), 10)).as("renewed").hasSize(1);

        plans.open(false, 100, NOW.plus(Duration.ofMinutes(20))).close();
        assertThat(died.addresses(1, Optional.empty(), 10)).isEmpty();
        assertThat(plans.count()).isZero();
        long pulledTables = database.read(connection -> Jdbc.count(
                connection,
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) LIKE 'PREVIEW_MIRROR%'"));
        assertThat(pulledTables).as("tables of what previews pulled").isZero();
    }

    @OnEachStore
    void aRunsPlanStartsWithoutTheAddressesWhoseRecordsAndLinksAllCarryTheOptOut() {
        UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, CLOCK);
        for (String address : List.of("ann", "bob", "cid", "dan")) {
            unsubscribes.add(new Unsubscribe(
                    Email.parse(address + "@example.com"), NOW, UnsubscribeSource.MANUAL, "tester", Optional.empty()));
        }
        new PeopleRepository(database, CLOCK)
                .save(new Person(
                        Email.parse("dan@example.com"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(SalesforceId.parse("003000000000005"))));
        new MirrorRepository(database)
                .save(List.of(
                        record("003000000000001", "ann", true),
                        record("003000000000002", "bob", false),
                        record("003000000000003", "bob", true),
                        record("003000000000004", "dan", true),
                        record("003000000000005", "elsewhere", false),
                        record("003000000000006", "eve", true)));
        RunPlanRepository plans = new RunPlanRepository(database);

        try (RunPlan run = plans.open(false, 100, NOW);
                RunPlan preview = plans.open(true, 100, NOW)) {
            assertThat(run.seedAddresses()).isEqualTo(4);
            assertThat(run.addresses(1, Optional.empty(), 10))
                    .as("bob has a record without the opt-out, cid no record, dan a link to one without it, "
                            + "eve is opted out in Salesforce only; ann is settled")
                    .extracting(Email::value)
                    .containsExactly("bob@example.com", "cid@example.com", "dan@example.com", "eve@example.com");
            assertThat(preview.seedAddresses())
                    .as("a preview plans every address")
                    .isEqualTo(5);
        }
    }

    /** A live contact with an address at example.com, neither converted nor merged. */
    private static MirrorRepository.Pulled record(String id, String address, boolean optedOut) {
        return new MirrorRepository.Pulled(
                new MirrorRecord(
                        SalesforceId.parse(id),
                        Optional.of(Email.parse(address + "@example.com")),
                        optedOut,
                        optedOut,
                        false,
                        Optional.empty(),
                        false,
                        Optional.empty()),
                NOW);
    }

    /** A record never opted out, converted, deleted or merged. */
    private static MirrorRecord untouched(SalesforceId id, Optional<Email> email) {
        return new MirrorRecord(id, email, false, false, false, Optional.empty(), false, Optional.empty());
    }

    private static MirrorRepository.Pulled pulled(boolean optedOut) {
        return record(CONTACT.value(), "ann", optedOut);
    }
}
