package com.unsubscribesync.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Everything the ratchet looks at.
 *
 * @param unsubscribed    emails unsubscribed here
 * @param linkedIds       Salesforce ids that local person records carry, by email
 * @param mirror          the Leads and Contacts the pulls have seen
 * @param blockedObjects  objects whose chosen field is missing, hidden or read-only
 */
public record RatchetInput(Set<Email> unsubscribed, Map<Email, Set<SalesforceId>> linkedIds,
        Collection<MirrorRecord> mirror, SyncSettings settings, Set<SObjectType> blockedObjects) {
}
