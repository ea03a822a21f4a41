package com.unsubscribesync.domain;

import java.util.Optional;

/** A conflict the ratchet found, explained in a sentence for the admin. */
public record PlannedConflict(
        ConflictKind kind,
        Optional<Email> email,
        Optional<SalesforceId> recordId,
        Optional<SObjectType> objectType,
        String explanation) {}
