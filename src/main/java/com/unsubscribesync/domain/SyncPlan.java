package com.unsubscribesync.domain;

import java.util.List;

/**
 * What one run would do. A push always sets the opt-out field to true: a plan cannot express writing false
 * or deleting a local unsubscribe.
 *
 * @param pushes    records whose opt-out field is false and must become true, sorted
 * @param imports   emails opted out in Salesforce that become local unsubscribes (source Salesforce Sync), sorted
 * @param conflicts what an admin should look at
 */
public record SyncPlan(List<SalesforceId> pushes, List<Email> imports, List<PlannedConflict> conflicts) {
    public SyncPlan {
        pushes = List.copyOf(pushes);
        imports = List.copyOf(imports);
        conflicts = List.copyOf(conflicts);
    }

    /** Nothing to write on either side. */
    public boolean writesNothing() {
        return pushes.isEmpty() && imports.isEmpty();
    }
}
