package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real-time push follows converted leads and merges exactly as the nightly run does (one rule,
 * {@code RecordsToOptOut}), through force-wsc against the local org, with the nightly sync off unless a test turns
 * it on: no run ever saw these records.
 */
class PushFollowsMergesTest {
    private final TestClock orgClock = TestClock.atNow();
    private final TestClock clock = TestClock.atNow();
    private EngineHarness engine;

    @BeforeEach
    void start() throws Exception {
        engine = EngineHarness.standalone(
                options -> options.withPeople(0).withClock(orgClock),
                RealtimePusher.standardRetry(new Random(7)),
                EngineHarness.options(),
                clock);
        assertThat(engine.settings.load().nightlySync())
                .as("the nightly sync is off")
                .isFalse();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aMergedAwayContactsUnsubscribeReachesTheSurvivorThroughThePushWithTheNightlySyncOff() {
        String loser = engine.admin().addContact("Ed", "Ny", "ed@acme.test");
        String winner = engine.admin().addContact("Edward", "Ny", "edward@acme.test");
        engine.link("ed@acme.test", loser);
        engine.admin().merge(winner, loser);
        unsubscribe("ed@acme.test");
        engine.fields.check(engine.salesforce, engine.settings.load().realtimePushField(), engine.settings.load());
        Map<String, Long> before = engine.org.partnerCallsByOperation();

        PushReport report = engine.pusher.drain();

        assertThat(engine.admin().read(winner).optedOut())
                .as("the surviving contact")
                .isTrue();
        assertThat(report.written()).isEqualTo(1);
        assertThat(report.settled()).isEqualTo(1);
        assertThat(report.conflicts())
                .as("a push that follows a merge raises none")
                .isZero();
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
        assertThat(engine.outbox.pendingCount()).isZero();
        // A search by email on each object, the linked id and then its master through queryAll, one update.
        assertThat(callsSince(before))
                .containsExactlyInAnyOrderEntriesOf(Map.of("query", 2L, "queryAll", 2L, "update", 1L));
    }

    @Test
    void aConvertedLeadsUnsubscribeReachesItsContactThroughThePushWithTheNightlySyncOff() {
        String lead = engine.admin().addLead("Di", "Mo", "di@acme.test", "Acme");
        String contact = engine.admin().convertLead(lead);
        engine.admin().setEmail(contact, "di.new@acme.test");
        engine.link("di@acme.test", lead);

        PushReport report = push("di@acme.test");

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(report.written())
                .as("the contact only: a converted lead is never written")
                .isEqualTo(1);
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void aChainOfMergesIsFollowedToTheLastSurvivor() {
        String first = engine.admin().addContact("Fa", "Um", "fa@acme.test");
        String second = engine.admin().addContact("Fa", "Um", "fa.um@acme.test");
        String last = engine.admin().addContact("Fa", "Um", "f.um@acme.test");
        engine.link("fa@acme.test", first);
        engine.admin().merge(second, first);
        engine.admin().merge(last, second);

        PushReport report = push("fa@acme.test");

        assertThat(engine.admin().read(first).masterRecordId())
                .as("still points at the first survivor")
                .isEqualTo(second);
        assertThat(engine.admin().read(last).optedOut()).isTrue();
        assertThat(report.conflicts()).isZero();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void aConvertedLeadWhoseContactWasMergedAwayReachesTheSurvivor() {
        String lead = engine.admin().addLead("Gi", "Ha", "gi@acme.test", "Acme");
        String contact = engine.admin().convertLead(lead);
        String survivor = engine.admin().addContact("Gi", "Ha", "gi.ha@acme.test");
        engine.admin().merge(survivor, contact);

        PushReport report = push("gi@acme.test");

        assertThat(engine.admin().read(survivor).optedOut())
                .as("found by the lead's address, then two hops")
                .isTrue();
        assertThat(report.conflicts()).isZero();
    }

    @Test
    void aLinkedContactDeletedWithoutAMergeIsStillARecordDeletedConflict() {
        String contact = engine.admin().addContact("Io", "Ju", "io@acme.test");
        engine.link("io@acme.test", contact);
        engine.admin().delete(contact);

        push("io@acme.test");

        assertThat(engine.conflicts.open(Optional.of(ConflictKind.RECORD_DELETED), 10))
                .singleElement()
                .satisfies(c -> assertThat(c.recordId()).contains(SalesforceId.parse(contact)));
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void aRecordDeletedConflictLeftByAnEarlierPushIsClosedOnceThePushWritesTheSurvivor() {
        String loser = engine.admin().addContact("Ka", "Lu", "ka@acme.test");
        String winner = engine.admin().addContact("Ka", "Lu", "ka.lu@acme.test");
        engine.link("ka@acme.test", loser);
        engine.admin().merge(winner, loser);
        leftByThePushBeforeItFollowedMerges("ka@acme.test", loser);

        push("ka@acme.test");

        assertThat(engine.admin().read(winner).optedOut()).isTrue();
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
        assertThat(engine.conflicts.recentlyResolved(1)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConflictKind.RECORD_DELETED);
            assertThat(c.resolution())
                    .hasValueSatisfying(text -> assertThat(text).contains(winner));
        });
    }

    @Test
    void aRecordDeletedConflictIsClosedByTheNightlyRunOnceTheSurvivorCarriesTheOptOut() {
        engine.settings(s -> s.withNightlySync(true));
        String loser = engine.admin().addContact("Mo", "Ny", "mo@acme.test");
        String winner = engine.admin().addContact("Mo", "Ny", "mo.ny@acme.test");
        engine.run();
        engine.merge(winner, loser, orgClock);
        engine.link("mo@acme.test", loser);
        leftByThePushBeforeItFollowedMerges("mo@acme.test", loser);
        unsubscribe("mo@acme.test");
        engine.outbox.remove(
                "a node that pushed them",
                engine.outbox.claim("a node that pushed them", clock.instant(), RealtimePusher.CLAIM_LEASE, 10).stream()
                        .map(e -> e.id())
                        .toList());

        RunReport run = engine.run();

        assertThat(run.pushed()).isEqualTo(1);
        assertThat(engine.admin().read(winner).optedOut()).isTrue();
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void withTheNightlySyncOnTheMergeThePushFollowedIsRememberedInTheMirror() {
        engine.settings(s -> s.withNightlySync(true));
        String loser = engine.admin().addContact("Ob", "Pa", "ob@acme.test");
        String winner = engine.admin().addContact("Ob", "Pa", "ob.pa@acme.test");
        engine.run();
        engine.link("ob@acme.test", loser);
        engine.admin().merge(winner, loser);

        push("ob@acme.test");

        assertThat(engine.mirror.find(SalesforceId.parse(loser))).hasValueSatisfying(seen -> {
            assertThat(seen.deleted()).isTrue();
            assertThat(seen.masterRecordId()).contains(SalesforceId.parse(winner));
        });
        assertThat(engine.mirror.find(SalesforceId.parse(winner)))
                .hasValueSatisfying(seen -> assertThat(seen.optedOut()).isTrue());
        assertThat(engine.run().pushed())
                .as("the next run has nothing left to write")
                .isZero();
    }

    /** Issue 15, point 2: the push used to settle such an address silently, with nothing written. */
    @Test
    void aConvertedLeadWhoseContactFieldIsReadOnlyWaitsWithAFieldUnavailableConflict() {
        engine.admin().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY);
        String lead = engine.admin().addLead("Qi", "Ro", "qi@acme.test", "Acme");
        String contact = engine.admin().convertLead(lead);

        PushReport report = push("qi@acme.test");

        assertThat(report.written()).isZero();
        assertThat(report.settled()).as("not settled while nothing was written").isZero();
        assertThat(engine.outbox.pendingCount()).isEqualTo(1);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.FIELD_UNAVAILABLE), 10))
                .singleElement()
                .satisfies(c -> assertThat(c.objectType()).contains(SObjectType.CONTACT));

        engine.admin().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.EDITABLE);
        engine.fields.refresh();
        clock.advance(Duration.ofMinutes(1));
        PushReport again = engine.pusher.drain();

        assertThat(again.written()).isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    private PushReport push(String email) {
        return engine.push(email, clock);
    }

    private void unsubscribe(String email) {
        engine.unsubscribe(email, clock);
    }

    /** A conflict as the push raised it before it followed merges, with the same identity. */
    private void leftByThePushBeforeItFollowedMerges(String email, String recordId) {
        SalesforceId id = SalesforceId.parse(recordId);
        engine.conflicts.record(
                new NewConflict(
                        ConflictKind.RECORD_DELETED,
                        Optional.of(Email.parse(email)),
                        Optional.of(id),
                        Optional.of(id.objectType()),
                        Optional.empty(),
                        "The linked Contact " + id
                                + " was not found in Salesforce: it was deleted or is not visible to the connected user."),
                clock.instant());
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.RECORD_DELETED), 10))
                .extracting(Conflict::email)
                .containsExactly(Optional.of(Email.parse(email)));
    }

    private Map<String, Long> callsSince(Map<String, Long> before) {
        Map<String, Long> made = new TreeMap<>();
        engine.org.partnerCallsByOperation().forEach((operation, count) -> {
            long delta = count - before.getOrDefault(operation, 0L);
            if (delta > 0) {
                made.put(operation, delta);
            }
        });
        return made;
    }
}
