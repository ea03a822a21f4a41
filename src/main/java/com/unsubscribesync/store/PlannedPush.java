package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SalesforceId;
import java.util.Optional;

/**
 * A record whose opt-out a run sets.
 *
 * @param email      the address the record carries, for the conflicts a refusal raises
 * @param unchecked  Salesforce had unchecked it after an earlier run saw it opted out
 */
public record PlannedPush(SalesforceId id, Optional<Email> email, boolean unchecked) {}
