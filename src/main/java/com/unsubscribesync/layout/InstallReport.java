package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import java.util.List;
import java.util.Optional;

/**
 * The result of installing the opt-out field on an object's layouts.
 *
 * @param fieldNote a sentence about the field itself that still needs the admin (e.g. hidden by field-level
 *                  security: on the layout it stays invisible to that user until fixed)
 */
public record InstallReport(SObjectType object, String fieldApiName, boolean dryRun, List<LayoutChange> layouts,
        Optional<String> fieldNote) {

    public InstallReport {
        layouts = List.copyOf(layouts);
    }

    public boolean anyFailed() {
        return layouts.stream().anyMatch(l -> l.outcome() == LayoutChange.Outcome.FAILED);
    }
}
