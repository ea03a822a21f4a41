package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RatchetRulesTest {
    private static final Email ANN = Email.parse("ann@example.com");
    private static final SalesforceId LEAD = TestIds.of(SObjectType.LEAD, 1);
    private static final SalesforceId CONTACT = TestIds.of(SObjectType.CONTACT, 2);
    private static final SalesforceId OTHER_CONTACT = TestIds.of(SObjectType.CONTACT, 3);

    @Test
    void localUnsubscribeIsPushedToEveryLeadAndContactWithTheAddress() {
        SyncPlan plan = plan(
                Set.of(ANN), Map.of(), SyncSettings.defaults(), record(LEAD, ANN, false), record(CONTACT, ANN, false));
        assertThat(plan.pushes()).containsExactly(CONTACT, LEAD);
    }

    @Test
    void withMatchByEmailOffOnlyTheLinkedRecordIsPushed() {
        SyncPlan plan = plan(
                Set.of(ANN),
                Map.of(ANN, Set.of(CONTACT)),
                SyncSettings.defaults().withMatchByEmail(false),
                record(LEAD, ANN, false),
                record(CONTACT, ANN, false));
        assertThat(plan.pushes()).containsExactly(CONTACT);
    }

    @Test
    void salesforceOptOutBecomesALocalUnsubscribe() {
        SyncPlan plan = plan(Set.of(), Map.of(), SyncSettings.defaults(), record(CONTACT, ANN, true));
        assertThat(plan.imports()).containsExactly(ANN);
        assertThat(plan.pushes()).isEmpty();
    }

    @Test
    void importedOptOutIsSpreadToTheOtherRecordsWithTheSameAddress() {
        SyncPlan plan =
                plan(Set.of(), Map.of(), SyncSettings.defaults(), record(CONTACT, ANN, true), record(LEAD, ANN, false));
        assertThat(plan.imports()).containsExactly(ANN);
        assertThat(plan.pushes()).containsExactly(LEAD);
    }

    @Test
    void convertedLeadIsNeverWrittenAndItsContactIsPushedInstead() {
        MirrorRecord converted = new MirrorRecord(
                LEAD, Optional.of(ANN), false, false, true, Optional.of(OTHER_CONTACT), false, Optional.empty());
        SyncPlan plan = plan(
                Set.of(ANN),
                Map.of(ANN, Set.of(LEAD)),
                SyncSettings.defaults(),
                converted,
                record(OTHER_CONTACT, Email.parse("ann.new@example.com"), false));
        assertThat(plan.pushes()).containsExactly(OTHER_CONTACT);
    }

    @Test
    void recordMergedAwayIsFollowedToItsMaster() {
        MirrorRecord merged = new MirrorRecord(
                CONTACT, Optional.of(ANN), false, false, false, Optional.empty(), true, Optional.of(OTHER_CONTACT));
        SyncPlan plan = plan(
                Set.of(ANN),
                Map.of(ANN, Set.of(CONTACT)),
                SyncSettings.defaults().withMatchByEmail(false),
                merged,
                record(OTHER_CONTACT, Email.parse("ann@elsewhere.com"), false));
        assertThat(plan.pushes()).containsExactly(OTHER_CONTACT);
    }

    @Test
    void deletedLinkedRecordBecomesARecordDeletedConflict() {
        MirrorRecord deleted = new MirrorRecord(
                CONTACT, Optional.of(ANN), false, false, false, Optional.empty(), true, Optional.empty());
        SyncPlan plan = plan(Set.of(ANN), Map.of(ANN, Set.of(CONTACT)), SyncSettings.defaults(), deleted);
        assertThat(plan.pushes()).isEmpty();
        assertThat(plan.conflicts()).extracting(PlannedConflict::kind).containsExactly(ConflictKind.RECORD_DELETED);
    }

    @Test
    void unsubscribeWithNoRecordAndNoIdIsNotInSalesforce() {
        SyncPlan plan = plan(
                Set.of(ANN), Map.of(), SyncSettings.defaults(), record(CONTACT, Email.parse("bo@example.com"), false));
        assertThat(plan.conflicts()).extracting(PlannedConflict::kind).containsExactly(ConflictKind.NOT_IN_SALESFORCE);
        assertThat(plan.pushes()).isEmpty();
    }

    @Test
    void optOutUncheckedInSalesforceIsReappliedByDefault() {
        MirrorRecord unchecked = new MirrorRecord(
                CONTACT, Optional.of(ANN), false, true, false, Optional.empty(), false, Optional.empty());
        SyncPlan plan = plan(Set.of(ANN), Map.of(), SyncSettings.defaults(), unchecked);
        assertThat(plan.pushes()).containsExactly(CONTACT);
        assertThat(plan.conflicts()).isEmpty();
    }

    @Test
    void optOutUncheckedInSalesforceIsHeldForReviewWhenThePolicySaysHold() {
        MirrorRecord unchecked = new MirrorRecord(
                CONTACT, Optional.of(ANN), false, true, false, Optional.empty(), false, Optional.empty());
        SyncPlan plan = plan(
                Set.of(ANN),
                Map.of(),
                SyncSettings.defaults().withResubscribePolicy(ResubscribePolicy.HOLD),
                unchecked);
        assertThat(plan.pushes()).isEmpty();
        assertThat(plan.conflicts())
                .extracting(PlannedConflict::kind)
                .containsExactly(ConflictKind.RESUBSCRIBED_IN_SALESFORCE);
    }

    @Test
    void objectWithAnUnavailableFieldIsNotPushedAndRaisesAFieldUnavailableConflict() {
        SyncPlan plan = Ratchet.plan(new RatchetInput(
                Set.of(ANN),
                Map.of(),
                List.of(record(LEAD, ANN, false), record(CONTACT, ANN, false)),
                SyncSettings.defaults(),
                Set.of(SObjectType.LEAD)));
        assertThat(plan.pushes()).containsExactly(CONTACT);
        assertThat(plan.conflicts()).extracting(PlannedConflict::kind).containsExactly(ConflictKind.FIELD_UNAVAILABLE);
    }

    @Test
    void realtimePushGoesToEmailOptOutWhenTheNightlySyncIsOff() {
        SyncSettings off = SyncSettings.defaults().withField(OptOutField.MARKETO_SALES_OPT_OUT);
        assertThat(off.realtimePushField()).isEqualTo(OptOutField.EMAIL_OPT_OUT);
        assertThat(off.withNightlySync(true).realtimePushField()).isEqualTo(OptOutField.MARKETO_SALES_OPT_OUT);
    }

    @Test
    void defaultsAreThoseOfTheProduct() {
        SyncSettings defaults = SyncSettings.defaults();
        assertThat(defaults.nightlySync()).isFalse();
        assertThat(defaults.field()).isEqualTo(OptOutField.EMAIL_OPT_OUT);
        assertThat(defaults.resubscribePolicy()).isEqualTo(ResubscribePolicy.REAPPLY);
        assertThat(defaults.matchByEmail()).isTrue();
        assertThat(defaults.apiReservePercent()).isEqualTo(20);
    }

    private static MirrorRecord record(SalesforceId id, Email email, boolean optedOut) {
        return new MirrorRecord(
                id, Optional.of(email), optedOut, optedOut, false, Optional.empty(), false, Optional.empty());
    }

    private static SyncPlan plan(
            Set<Email> unsubscribed,
            Map<Email, Set<SalesforceId>> linked,
            SyncSettings settings,
            MirrorRecord... mirror) {
        return Ratchet.plan(new RatchetInput(unsubscribed, linked, List.of(mirror), settings, Set.of()));
    }
}
