package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DismissalTest {
    private static final Instant CHANGED = Instant.parse("2026-11-30T10:00:00Z");
    private static final ConflictFacts SEEN = new ConflictFacts(
            7, Optional.of(CHANGED), Optional.of("UNABLE_TO_LOCK_ROW"), "The opt-out field was not found on Lead.");

    private static ConflictFacts now(long history, Instant modstamp, String code, String explanation) {
        return new ConflictFacts(history, Optional.of(modstamp), Optional.of(code), explanation);
    }

    @Test
    void nothingNewKeepsEveryKindDismissed() {
        for (ConflictKind kind : ConflictKind.values()) {
            assertThat(new Dismissal(kind, SEEN).holds(SEEN)).as(kind.title()).isTrue();
        }
    }

    @Test
    void aNewLineInTheAddressHistoryEndsTheDismissalOfEveryKindAboutAPerson() {
        ConflictFacts later = now(8, CHANGED, "UNABLE_TO_LOCK_ROW", SEEN.explanation());
        for (ConflictKind kind : ConflictKind.values()) {
            assertThat(new Dismissal(kind, SEEN).holds(later))
                    .as(kind.title())
                    .isEqualTo(kind == ConflictKind.FIELD_UNAVAILABLE);
        }
    }

    @Test
    void aChangeOfTheRecordInSalesforceEndsTheDismissalOfKindsAboutARecordOnly() {
        ConflictFacts changed = now(7, CHANGED.plusSeconds(1), "UNABLE_TO_LOCK_ROW", SEEN.explanation());
        assertThat(new Dismissal(ConflictKind.RECORD_DELETED, SEEN).holds(changed))
                .isFalse();
        assertThat(new Dismissal(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, SEEN).holds(changed))
                .isFalse();
        assertThat(new Dismissal(ConflictKind.WRITE_REJECTED, SEEN).holds(changed))
                .isFalse();
        assertThat(new Dismissal(ConflictKind.NOT_IN_SALESFORCE, SEEN).holds(changed))
                .isTrue();
        assertThat(new Dismissal(ConflictKind.RECORD_DELETED, SEEN)
                        .holds(now(7, CHANGED.minusSeconds(60), "UNABLE_TO_LOCK_ROW", "")))
                .isTrue();
    }

    @Test
    void aRefusalForAnotherReasonIsANewWriteRejected() {
        ConflictFacts otherReason = now(7, CHANGED, "FIELD_CUSTOM_VALIDATION_EXCEPTION", SEEN.explanation());
        assertThat(new Dismissal(ConflictKind.WRITE_REJECTED, SEEN).holds(otherReason))
                .isFalse();
        assertThat(new Dismissal(ConflictKind.RECORD_DELETED, SEEN).holds(otherReason))
                .isTrue();
    }

    @Test
    void anotherProblemWithTheFieldIsANewFieldUnavailable() {
        ConflictFacts readOnly = now(7, CHANGED, "", "The opt-out field is read-only for the connected user on Lead.");
        assertThat(new Dismissal(ConflictKind.FIELD_UNAVAILABLE, SEEN).holds(readOnly))
                .isFalse();
    }
}
