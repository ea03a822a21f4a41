package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.SalesforceId;
import java.util.Optional;

/** What happened to one record of a write, with Salesforce's status code and message when it failed. */
public record WriteOutcome(SalesforceId id, Result result, Optional<String> statusCode, Optional<String> message) {

    public enum Result {
        WRITTEN,
        /** Worth trying again later (a lock, a busy server). */
        RETRYABLE,
        /** Will not succeed without an admin (converted lead, deleted record, read-only field, validation rule…). */
        PERMANENT
    }

    public static WriteOutcome written(SalesforceId id) {
        return new WriteOutcome(id, Result.WRITTEN, Optional.empty(), Optional.empty());
    }
}
