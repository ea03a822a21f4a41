package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.faults.FaultRule;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.OutboxEntry;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an outbox entry can leave, or stay, against the one rule ({@code domain/Settlement}): an unsubscribe is
 * settled only when every record it names is written, or a conflict says why. Through force-wsc against the local
 * org and its fault injection.
 */
class OutboxSettlingTest {
    private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

    private final TestClock clock = TestClock.atNow();
    private EngineHarness engine;

    @BeforeEach
    void start() throws Exception {
        engine = EngineHarness.standalone(
                options -> options.withPeople(0).withSeed(23),
                RealtimePusher.standardRetry(new Random(7)),
                EngineHarness.options(),
                clock);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void anAddressLeavesOnceEachOfItsRecordsIsWritten() {
        String contact = engine.admin().addContact("An", "Bo", "an@settle.test");
        String lead = engine.admin().addLead("An", "Bo", "an@settle.test", "Acme");

        PushReport report = push("an@settle.test");

        assertThat(report.written()).isEqualTo(2);
        assertThat(report.settled()).isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.admin().read(lead).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void anEntryAnotherNodeClaimedIsLeftToItUntilItsClaimLapses() {
        String contact = engine.admin().addContact("Ed", "Fa", "ed@settle.test");
        unsubscribe("ed@settle.test");
        engine.outbox.claim("a node that dies mid-push", clock.instant(), RealtimePusher.CLAIM_LEASE, 10);

        assertThat(engine.pusher.drainOnce().entries())
                .as("held by the other node")
                .isZero();
        assertThat(engine.admin().read(contact).optedOut()).isFalse();

        clock.advance(RealtimePusher.CLAIM_LEASE);
        PushReport report = engine.pusher.drainOnce();

        assertThat(report.settled()).as("taken over once the claim lapsed").isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void anAddressWhoseRecordsAlreadyCarryTheOptOutLeavesWithNothingWritten() {
        String contact = engine.admin().addContact("Ce", "Do", "ce@settle.test");
        engine.admin().setOptedOut(contact, true);

        PushReport report = push("ce@settle.test");

        assertThat(report.written()).isZero();
        assertThat(report.settled()).isEqualTo(1);
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void anAddressInNoRecordLeavesWithANotInSalesforceConflict() {
        PushReport report = push("nobody@settle.test");

        assertThat(report.settled()).isEqualTo(1);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 10))
                .extracting(Conflict::email)
                .containsExactly(Optional.of(Email.parse("nobody@settle.test")));
    }

    @Test
    void aPermanentRefusalLeavesTheOutboxOnlyWithAWriteRejectedConflictThatSaysWhy() {
        String contact = engine.admin().addContact("Ef", "Gu", "ef@settle.test");
        engine.org.faults().apply("update:FIELD_CUSTOM_VALIDATION_EXCEPTION");

        PushReport report = push("ef@settle.test");

        assertThat(report.written()).isZero();
        assertThat(report.settled()).isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .singleElement()
                .satisfies(conflict -> assertThat(conflict.statusCode()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
    }

    @Test
    void aRecordTwoDueAddressesLeadToIsWrittenOnceAndSettlesBoth() {
        String contact = engine.admin().addContact("Jo", "Ka", "new@settle.test");
        engine.link("old@settle.test", contact);
        unsubscribe("old@settle.test");

        PushReport report = push("new@settle.test");

        assertThat(report.entries()).isEqualTo(2);
        assertThat(report.written()).isEqualTo(1);
        assertThat(report.settled()).isEqualTo(2);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void aPermanentRefusalOfARecordTwoDueAddressesLeadToTellsEachAddressWhy() {
        String contact = engine.admin().addContact("Li", "Mo", "now@settle.test");
        engine.link("was@settle.test", contact);
        engine.org.faults().apply("update:FIELD_CUSTOM_VALIDATION_EXCEPTION");
        unsubscribe("was@settle.test");

        PushReport report = push("now@settle.test");

        assertThat(report.settled()).isEqualTo(2);
        assertThat(report.conflicts()).isEqualTo(2);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .extracting(conflict -> conflict.email().orElseThrow().value())
                .containsExactlyInAnyOrder("was@settle.test", "now@settle.test");
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .allSatisfy(conflict -> assertThat(conflict.explanation())
                        .startsWith("Salesforce refused to set the opt-out on Contact " + contact
                                + ": FIELD_CUSTOM_VALIDATION_EXCEPTION: "));
    }

    @Test
    void aRefusalForNowKeepsTheAddressWaitingWithItsStatusCodeAndNoConflict() {
        engine.admin().addContact("Gi", "Ho", "gi@settle.test");
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW");

        PushReport report = push("gi@settle.test");

        assertThat(report.settled()).isZero();
        assertThat(report.retrying()).isEqualTo(1);
        assertThat(pending())
                .singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aRefusalThatOutlastsTheBackOffLeavesTheOutboxOnlyWithAWriteRejectedConflict() {
        engine.admin().addContact("Hu", "Iv", "hu@settle.test");
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW");
        unsubscribe("hu@settle.test");

        for (int pass = 0; pass < 10 && engine.outbox.pendingCount() > 0; pass++) {
            assertThat(engine.conflicts.open(Optional.empty(), 10))
                    .as("no conflict before attempt %d", pass + 1)
                    .isEmpty();
            engine.pusher.drainOnce();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(engine.outbox.pendingCount()).isZero();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .singleElement()
                .satisfies(conflict -> {
                    assertThat(conflict.statusCode()).contains("UNABLE_TO_LOCK_ROW");
                    assertThat(conflict.explanation()).contains("after 10 attempts");
                });
    }

    @Test
    void anAddressWrittenOnOneObjectWaitsWhileTheOtherObjectsFieldIsReadOnly() {
        String contact = engine.admin().addContact("Iv", "Ja", "iv@settle.test");
        String lead = engine.admin().addLead("Iv", "Ja", "iv@settle.test", "Acme");
        engine.admin().setFieldAccess("Lead", "HasOptedOutOfEmail", FieldAccess.READONLY);

        PushReport report = push("iv@settle.test");

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.admin().read(lead).optedOut()).isFalse();
        assertThat(report.settled()).as("half written is not settled").isZero();
        assertThat(pending()).hasSize(1);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.FIELD_UNAVAILABLE), 10))
                .singleElement()
                .satisfies(conflict -> assertThat(conflict.objectType()).contains(SObjectType.LEAD));
    }

    @Test
    void aFieldTurningReadOnlyDuringThePassKeepsTheAddressWaitingWithOneFieldUnavailableConflict() {
        String contact = engine.admin().addContact("Jo", "Ka", "jo@settle.test");
        engine.fields.check(engine.salesforce, engine.settings.load().realtimePushField(), engine.settings.load());
        engine.org
                .faults()
                .apply(new FaultRule.FieldSecurityRule("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY));

        PushReport report = push("jo@settle.test");

        assertThat(engine.admin().read(contact).optedOut()).isFalse();
        assertThat(report.settled()).isZero();
        assertThat(pending()).hasSize(1);
        assertThat(engine.conflicts.open(Optional.empty(), 10)).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(ConflictKind.FIELD_UNAVAILABLE);
            assertThat(conflict.objectType()).contains(SObjectType.CONTACT);
        });

        engine.org.faults().clear();
        clock.advance(Duration.ofHours(1));
        engine.pusher.drain();

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void throughTheBulkApiOnlyTheAddressesWhoseRecordsTheJobWroteLeave() {
        engine.settings(s -> s.withBulkThreshold(1_000));
        List<Unsubscribe> unsubscribes = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String email = "bulk" + i + "@settle.test";
            contacts.add(engine.admin().addContact("Bu", "Lk " + i, email));
            unsubscribes.add(new Unsubscribe(
                    Email.parse(email), Instant.now(), UnsubscribeSource.CLICKED_LINK, "intake", Optional.empty()));
        }
        engine.unsubscribes.addAll(unsubscribes.iterator());
        clock.set(Instant.now());
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW@0.1");

        PushReport report = engine.pusher.drainOnce();

        assertThat(engine.org.bulkJobs().jobs())
                .as("written through one Bulk API job")
                .hasSize(1);
        Set<String> waiting =
                pending().stream().map(entry -> entry.email().value()).collect(Collectors.toSet());
        assertThat(waiting).as("some refused for now").isNotEmpty().hasSizeLessThan(300);
        assertThat(report.settled()).isEqualTo(1_000 - waiting.size());
        for (int i = 0; i < contacts.size(); i++) {
            assertThat(engine.admin().read(contacts.get(i)).optedOut())
                    .as("bulk%d written exactly when it left", i)
                    .isEqualTo(!waiting.contains("bulk" + i + "@settle.test"));
        }
    }

    @Test
    void aWriteRejectedConflictRetriedByTheAdminQueuesTheAddressAgainUntilItIsWritten() {
        String contact = engine.admin().addContact("Lu", "Ma", "lu@settle.test");
        engine.org.faults().apply("update:FIELD_CUSTOM_VALIDATION_EXCEPTION");
        push("lu@settle.test");
        Conflict rejected = engine.conflicts
                .open(Optional.of(ConflictKind.WRITE_REJECTED), 10)
                .get(0);
        engine.org.faults().clear();

        resolver().resolve(rejected.id(), "retry", Optional.empty(), Optional.empty(), "admin");

        assertThat(pending()).as("queued again").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        PushReport report = engine.pusher.drain();
        assertThat(report.written()).isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void dismissingAFieldUnavailableConflictDoesNotSettleTheAddressesThatWaitForTheField() {
        engine.admin().addContact("Mi", "No", "mi@settle.test");
        engine.admin().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
        push("mi@settle.test");
        Conflict unavailable = engine.conflicts
                .open(Optional.of(ConflictKind.FIELD_UNAVAILABLE), 10)
                .get(0);

        resolver().resolve(unavailable.id(), "dismiss", Optional.empty(), Optional.empty(), "admin");
        clock.advance(Duration.ofHours(1));
        engine.pusher.drain();

        assertThat(pending()).as("still waiting").hasSize(1);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.FIELD_UNAVAILABLE), 10))
                .as("the dismissal holds while the problem is the same (ADR 0028)")
                .isEmpty();
    }

    @Test
    void recheckingAFieldUnavailableConflictOnceTheFieldIsFixedPushesTheWaitingAddressesAtOnce() {
        String contact = engine.admin().addContact("Ny", "Ob", "ny@settle.test");
        engine.admin().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY);
        unsubscribe("ny@settle.test");
        for (int pass = 0; pass < 6; pass++) {
            clock.advance(Duration.ofMinutes(pass == 0 ? 0 : 20));
            engine.pusher.drainOnce();
        }
        assertThat(pending())
                .singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(6));
        assertThat(engine.outbox.due(clock.instant(), 10)).as("in its back-off").isEmpty();
        Conflict unavailable = engine.conflicts
                .open(Optional.of(ConflictKind.FIELD_UNAVAILABLE), 10)
                .get(0);
        engine.admin().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.EDITABLE);

        resolver().resolve(unavailable.id(), "recheck", Optional.empty(), Optional.empty(), "admin");
        PushReport report = engine.pusher.drain();

        assertThat(report.written()).isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    private ConflictResolver resolver() {
        return new ConflictResolver(
                engine.conflicts,
                engine.outbox,
                engine.people,
                engine.mirror,
                engine.resubscriber(),
                engine.fields,
                clock);
    }

    private List<OutboxEntry> pending() {
        return engine.outbox.due(FAR_FUTURE, 10_000);
    }

    private PushReport push(String email) {
        return engine.push(email, clock);
    }

    private void unsubscribe(String email) {
        engine.unsubscribe(email, clock);
    }
}
