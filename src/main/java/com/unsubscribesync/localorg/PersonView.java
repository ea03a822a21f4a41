package com.unsubscribesync.localorg;

import java.time.Instant;

/** A Lead or Contact as tests see it through {@link OrgAdmin#read}. */
public record PersonView(
        String id,
        String objectType,
        String firstName,
        String lastName,
        String email,
        boolean optedOut,
        boolean packageOptedOut,
        boolean converted,
        String convertedContactId,
        String masterRecordId,
        boolean deleted,
        Instant lastModified) {}
