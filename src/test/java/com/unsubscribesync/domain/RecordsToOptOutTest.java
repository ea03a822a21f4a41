package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordsToOptOutTest {
    private static final Email ANN = Email.parse("ann@example.com");
    private static final SalesforceId LEAD = TestIds.of(SObjectType.LEAD, 1);
    private static final SalesforceId CONTACT = TestIds.of(SObjectType.CONTACT, 2);
    private static final SalesforceId MIDDLE = TestIds.of(SObjectType.CONTACT, 3);
    private static final SalesforceId SURVIVOR = TestIds.of(SObjectType.CONTACT, 4);

    private final Map<SalesforceId, MirrorRecord> known = new HashMap<>();

    @Test
    void aChainOfMergesIsFollowedToTheLastSurvivorAndNamedAsFollowed() {
        mergedAway(CONTACT, MIDDLE);
        mergedAway(MIDDLE, SURVIVOR);
        live(SURVIVOR, false);

        RecordsToOptOut.Decision decision = rule(Set.of()).forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.toWrite()).containsExactly(SURVIVOR);
        assertThat(decision.followed()).containsExactly(new RecordsToOptOut.Followed(CONTACT, SURVIVOR));
        assertThat(decision.conflicts()).isEmpty();
        assertThat(decision.complete()).isTrue();
    }

    @Test
    void aSurvivorAlreadyOptedOutIsNotWrittenAgainButStillCountsAsFollowed() {
        mergedAway(CONTACT, SURVIVOR);
        live(SURVIVOR, true);

        RecordsToOptOut.Decision decision = rule(Set.of()).forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.toWrite()).isEmpty();
        assertThat(decision.followed()).containsExactly(new RecordsToOptOut.Followed(CONTACT, SURVIVOR));
        assertThat(decision.conflicts()).isEmpty();
    }

    @Test
    void aConvertedLeadLeadsToItsContactAndIsNeverWritten() {
        known.put(
                LEAD,
                new MirrorRecord(
                        LEAD, Optional.of(ANN), false, false, true, Optional.of(CONTACT), false, Optional.empty()));
        live(CONTACT, false);

        RecordsToOptOut.Decision decision = rule(Set.of()).forAddress(ANN, Set.of(), List.of(LEAD), true);

        assertThat(decision.toWrite()).containsExactly(CONTACT);
    }

    @Test
    void aConvertedLeadWhoseContactObjectCannotBeWrittenWaitsForTheFieldEvenUnread() {
        known.put(
                LEAD,
                new MirrorRecord(
                        LEAD, Optional.of(ANN), false, false, true, Optional.of(CONTACT), false, Optional.empty()));

        RecordsToOptOut.Decision decision =
                rule(Set.of(SObjectType.CONTACT)).forAddress(ANN, Set.of(), List.of(LEAD), true);

        assertThat(decision.toWrite()).isEmpty();
        assertThat(decision.conflicts()).as("not taken for deleted").isEmpty();
        assertThat(decision.waitingFor()).containsExactly(SObjectType.CONTACT);
        assertThat(decision.complete()).isFalse();
    }

    @Test
    void aLinkedRecordDeletedWithoutAMergeIsARecordDeletedConflict() {
        known.put(
                CONTACT,
                new MirrorRecord(
                        CONTACT, Optional.of(ANN), false, false, false, Optional.empty(), true, Optional.empty()));

        RecordsToOptOut.Decision decision = rule(Set.of()).forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.conflicts()).extracting(PlannedConflict::kind).containsExactly(ConflictKind.RECORD_DELETED);
        assertThat(decision.followed()).isEmpty();
    }

    @Test
    void aLinkedIdSalesforceDoesNotShowIsARecordDeletedConflict() {
        RecordsToOptOut.Decision decision = rule(Set.of()).forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.conflicts()).extracting(PlannedConflict::kind).containsExactly(ConflictKind.RECORD_DELETED);
    }

    @Test
    void anAddressWithNoRecordAndNoLinkIsNotInSalesforceUnlessAnObjectCouldNotBeLookedAt() {
        assertThat(rule(Set.of()).forAddress(ANN, Set.of(), List.of(), true).conflicts())
                .extracting(PlannedConflict::kind)
                .containsExactly(ConflictKind.NOT_IN_SALESFORCE);
        assertThat(rule(Set.of()).forAddress(ANN, Set.of(), List.of(), false).conflicts())
                .as("only opted out in Salesforce")
                .isEmpty();

        RecordsToOptOut.Decision blocked = rule(Set.of(SObjectType.LEAD)).forAddress(ANN, Set.of(), List.of(), true);
        assertThat(blocked.conflicts()).isEmpty();
        assertThat(blocked.waitingFor()).containsExactly(SObjectType.LEAD);
    }

    @Test
    void recordsWithTheAddressCountOnlyWithMatchByEmailOn() {
        live(CONTACT, false);
        RecordsToOptOut off = new RecordsToOptOut(
                SyncSettings.defaults().withMatchByEmail(false), Set.of(), id -> Optional.ofNullable(known.get(id)));

        RecordsToOptOut.Decision decision = off.forAddress(ANN, Set.of(), List.of(CONTACT), true);

        assertThat(decision.toWrite()).isEmpty();
        assertThat(decision.conflicts())
                .as("the address is in Salesforce, just not matched")
                .isEmpty();
    }

    @Test
    void aSurvivorUncheckedInSalesforceIsHeldForReviewUnderTheHoldPolicy() {
        mergedAway(CONTACT, SURVIVOR);
        known.put(
                SURVIVOR,
                new MirrorRecord(
                        SURVIVOR, Optional.of(ANN), false, true, false, Optional.empty(), false, Optional.empty()));
        RecordsToOptOut hold = new RecordsToOptOut(
                SyncSettings.defaults().withResubscribePolicy(ResubscribePolicy.HOLD),
                Set.of(),
                id -> Optional.ofNullable(known.get(id)));

        RecordsToOptOut.Decision decision = hold.forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.toWrite()).isEmpty();
        assertThat(decision.conflicts())
                .extracting(PlannedConflict::kind)
                .containsExactly(ConflictKind.RESUBSCRIBED_IN_SALESFORCE);
    }

    @Test
    void aLoopOfMergesEndsInsteadOfRunningForever() {
        mergedAway(CONTACT, MIDDLE);
        mergedAway(MIDDLE, CONTACT);

        RecordsToOptOut.Decision decision = rule(Set.of()).forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.toWrite()).isEmpty();
        assertThat(decision.conflicts()).extracting(PlannedConflict::kind).containsExactly(ConflictKind.RECORD_DELETED);
    }

    /** Issue 15, point 2: the push settled such an address with the Contact written and the Leads never looked at. */
    @Test
    void withMatchByEmailAnAddressFoundOnOneObjectStillWaitsForTheObjectWhoseFieldCannotBeUsed() {
        live(CONTACT, false);

        RecordsToOptOut.Decision decision =
                rule(Set.of(SObjectType.LEAD)).forAddress(ANN, Set.of(), List.of(CONTACT), true);

        assertThat(decision.toWrite()).containsExactly(CONTACT);
        assertThat(decision.waitingFor()).as("its Leads were not searched").containsExactly(SObjectType.LEAD);
        assertThat(decision.complete()).isFalse();
    }

    @Test
    void withMatchByEmailOffOnlyTheLinkedRecordsAreNamedSoABlockedObjectElsewhereIsNoReasonToWait() {
        live(CONTACT, false);

        RecordsToOptOut.Decision decision = new RecordsToOptOut(
                        SyncSettings.defaults().withMatchByEmail(false),
                        Set.of(SObjectType.LEAD),
                        id -> Optional.ofNullable(known.get(id)))
                .forAddress(ANN, Set.of(CONTACT), List.of(), true);

        assertThat(decision.toWrite()).containsExactly(CONTACT);
        assertThat(decision.complete()).isTrue();
    }

    private RecordsToOptOut rule(Set<SObjectType> blocked) {
        return new RecordsToOptOut(SyncSettings.defaults(), blocked, id -> Optional.ofNullable(known.get(id)));
    }

    private void mergedAway(SalesforceId loser, SalesforceId master) {
        known.put(
                loser,
                new MirrorRecord(
                        loser, Optional.of(ANN), false, false, false, Optional.empty(), true, Optional.of(master)));
    }

    private void live(SalesforceId id, boolean optedOut) {
        known.put(
                id,
                new MirrorRecord(
                        id,
                        Optional.of(Email.parse("other@example.com")),
                        optedOut,
                        optedOut,
                        false,
                        Optional.empty(),
                        false,
                        Optional.empty()));
    }
}
