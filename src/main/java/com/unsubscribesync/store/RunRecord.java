package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.util.Optional;

/**
 * One record a run pushed, imported or failed on, for the run's detail.
 *
 * @param statusCode Salesforce's status code, for a failure
 * @param message    what Salesforce said, or why the record failed
 */
public record RunRecord(
        Kind kind,
        Optional<SObjectType> objectType,
        Optional<SalesforceId> recordId,
        Optional<Email> email,
        Optional<String> statusCode,
        Optional<String> message) {

    public enum Kind {
        PUSHED,
        IMPORTED,
        FAILED
    }

    public static RunRecord pushed(SalesforceId id, Optional<Email> email) {
        return new RunRecord(
                Kind.PUSHED, Optional.of(id.objectType()), Optional.of(id), email, Optional.empty(), Optional.empty());
    }

    public static RunRecord imported(Email email, Optional<SalesforceId> from) {
        return new RunRecord(
                Kind.IMPORTED,
                from.map(SalesforceId::objectType),
                from,
                Optional.of(email),
                Optional.empty(),
                Optional.empty());
    }

    public static RunRecord failed(SalesforceId id, Optional<Email> email, String statusCode, String message) {
        return new RunRecord(
                Kind.FAILED,
                Optional.of(id.objectType()),
                Optional.of(id),
                email,
                Optional.of(statusCode),
                Optional.of(message));
    }
}
