package com.unsubscribesync.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Everything the ratchet looks at.
 *
 * @param unsubscribed      emails unsubscribed here
 * @param linkedIds         Salesforce ids that local person records carry, by email
 * @param mirror            the Leads and Contacts the pulls have seen
 * @param blockedObjects    objects whose chosen field is missing, hidden or read-only
 * @param reachedElsewhere  emails of records that the same run opts out through records outside this input (a run
 *                          planned a slice at a time); like any address opted out in Salesforce they are imported
 *                          and reach every record that has them
 */
public record RatchetInput(
        Set<Email> unsubscribed,
        Map<Email, Set<SalesforceId>> linkedIds,
        Collection<MirrorRecord> mirror,
        SyncSettings settings,
        Set<SObjectType> blockedObjects,
        Set<Email> reachedElsewhere) {

    /** The whole org at once: nothing is reached from elsewhere. */
    public RatchetInput(
            Set<Email> unsubscribed,
            Map<Email, Set<SalesforceId>> linkedIds,
            Collection<MirrorRecord> mirror,
            SyncSettings settings,
            Set<SObjectType> blockedObjects) {
        this(unsubscribed, linkedIds, mirror, settings, blockedObjects, Set.of());
    }
}
