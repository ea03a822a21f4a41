package com.unsubscribesync.store;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.Optional;

/** A stored conflict, open until an admin (or a later successful push) resolves it. */
public record Conflict(
        long id,
        ConflictKind kind,
        Optional<Email> email,
        Optional<SalesforceId> recordId,
        Optional<SObjectType> objectType,
        Optional<String> statusCode,
        String explanation,
        Instant createdAt,
        Optional<Instant> resolvedAt,
        Optional<String> resolution,
        Optional<String> resolvedBy) {

    public boolean open() {
        return resolvedAt.isEmpty();
    }
}
