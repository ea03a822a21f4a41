package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementTest {
    private static final SalesforceId CONTACT = TestIds.of(SObjectType.CONTACT, 1);
    private static final SalesforceId LEAD = TestIds.of(SObjectType.LEAD, 2);

    private final Settlement settlement = new Settlement();

    @Test
    void anUnsubscribeIsSettledOnceEachRecordItNamesIsWritten() {
        settlement.written(List.of(CONTACT, LEAD));

        assertThat(settlement.settles(decision(List.of(CONTACT, LEAD), Set.of())))
                .isTrue();
    }

    @Test
    void aRecordAConflictExplainsCountsAsSettled() {
        settlement.written(List.of(CONTACT));
        settlement.explained(LEAD);

        assertThat(settlement.settles(decision(List.of(CONTACT, LEAD), Set.of())))
                .isTrue();
    }

    @Test
    void aRecordRefusedForNowKeepsTheUnsubscribeUnsettledWithItsStatusCode() {
        settlement.written(List.of(CONTACT));
        settlement.refused(LEAD, "UNABLE_TO_LOCK_ROW");

        assertThat(settlement.settles(decision(List.of(CONTACT, LEAD), Set.of())))
                .isFalse();
        assertThat(settlement.whyNot(LEAD)).contains("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void aRecordSalesforceNeverAnsweredForIsNotSettled() {
        settlement.written(List.of(CONTACT));

        assertThat(settlement.settles(decision(List.of(CONTACT, LEAD), Set.of())))
                .isFalse();
        assertThat(settlement.unsettled(List.of(CONTACT, LEAD)))
                .containsExactlyEntriesOf(Map.of(Settlement.NO_ANSWER, 1));
    }

    @Test
    void anUnsubscribeWaitingForAnObjectsFieldIsNotSettledEvenWithNothingToWrite() {
        assertThat(settlement.settles(decision(List.of(), Set.of(SObjectType.CONTACT))))
                .isFalse();
    }

    @Test
    void aRefusalLaterWrittenIsSettledAndNoLongerCounted() {
        settlement.refused(CONTACT, "UNABLE_TO_LOCK_ROW");
        settlement.written(List.of(CONTACT));

        assertThat(settlement.isSettled(CONTACT)).isTrue();
        assertThat(settlement.unsettled(List.of(CONTACT))).isEmpty();
    }

    @Test
    void refusalsAreCountedByStatusCode() {
        SalesforceId other = TestIds.of(SObjectType.CONTACT, 3);
        settlement.refused(CONTACT, "UNABLE_TO_LOCK_ROW");
        settlement.refused(other, "UNABLE_TO_LOCK_ROW");
        settlement.refused(LEAD, "SERVER_UNAVAILABLE");

        assertThat(settlement.unsettled(List.of(CONTACT, other, LEAD)))
                .containsExactly(Map.entry("SERVER_UNAVAILABLE", 1), Map.entry("UNABLE_TO_LOCK_ROW", 2));
    }

    private static RecordsToOptOut.Decision decision(List<SalesforceId> toWrite, Set<SObjectType> waitingFor) {
        return new RecordsToOptOut.Decision(toWrite, List.of(), List.of(), waitingFor);
    }
}
