package com.unsubscribesync.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the last pull saw of one Lead or Contact.
 *
 * @param optedOut        the chosen opt-out field's value now
 * @param optedOutBefore  the field was seen true by an earlier run; with {@code optedOut} false this means
 *                        someone unchecked it in Salesforce (kept until an admin decides)
 */
public record MirrorRecord(
        SalesforceId id,
        Optional<Email> email,
        boolean optedOut,
        boolean optedOutBefore,
        boolean converted,
        Optional<SalesforceId> convertedContactId,
        boolean deleted,
        Optional<SalesforceId> masterRecordId) {

    public MirrorRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(convertedContactId, "convertedContactId");
        Objects.requireNonNull(masterRecordId, "masterRecordId");
    }

    public SObjectType objectType() {
        return id.objectType();
    }

    public boolean uncheckedInSalesforce() {
        return optedOutBefore && !optedOut;
    }

    public MirrorRecord withOptedOut(boolean value) {
        return new MirrorRecord(
                id, email, value, optedOutBefore || value, converted, convertedContactId, deleted, masterRecordId);
    }
}
