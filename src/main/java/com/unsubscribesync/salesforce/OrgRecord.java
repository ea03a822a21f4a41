package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.Optional;

/**
 * A Lead or Contact as the org returned it.
 *
 * @param email     the address when it is a valid one; {@code rawEmail} keeps what Salesforce held
 * @param optedOut  the chosen field's value
 */
public record OrgRecord(
        SalesforceId id,
        Optional<Email> email,
        Optional<String> rawEmail,
        boolean optedOut,
        boolean converted,
        Optional<SalesforceId> convertedContactId,
        boolean deleted,
        Optional<SalesforceId> masterRecordId,
        Instant systemModstamp) {}
