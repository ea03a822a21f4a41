package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the org said about the opt-out field and the page layouts, and when.
 *
 * @param instanceUrl the org's address, to name it before a change
 * @param sandbox     whether the org is a sandbox; empty when it would not say (then treated as production)
 * @param apiCalls    the API calls this inspection cost (0 when everything came from the kept reads)
 */
public record Inspection(
        Instant inspectedAt,
        String organizationName,
        LayoutRights rights,
        List<ObjectLayouts> objects,
        String instanceUrl,
        Optional<Boolean> sandbox,
        long apiCalls) {

    public Inspection {
        objects = List.copyOf(objects);
    }

    public Optional<ObjectLayouts> of(SObjectType type) {
        return objects.stream().filter(o -> o.object() == type).findFirst();
    }

    /** Whether a change here is a change to a production org: unless the org said it is a sandbox. */
    public boolean production() {
        return !sandbox.orElse(false);
    }
}
