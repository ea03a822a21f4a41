package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the org said about the opt-out field and the page layouts, and when. */
public record Inspection(Instant inspectedAt, String organizationName, LayoutRights rights,
        List<ObjectLayouts> objects) {

    public Inspection {
        objects = List.copyOf(objects);
    }

    public Optional<ObjectLayouts> of(SObjectType type) {
        return objects.stream().filter(o -> o.object() == type).findFirst();
    }
}
