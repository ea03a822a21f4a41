package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import java.util.List;
import java.util.Optional;

/**
 * The result of installing the opt-out field on an object's layouts.
 *
 * @param fieldNote a sentence about the field itself that still needs the admin (e.g. hidden by field-level
 *                  security: on the layout it stays invisible to that user until fixed)
 * @param stoppedBecause why the run stopped before every layout was tried, in one sentence; the layouts say which
 *                       were changed, which failed and which were not tried
 */
public record InstallReport(
        SObjectType object,
        String fieldApiName,
        boolean dryRun,
        List<LayoutChange> layouts,
        Optional<String> fieldNote,
        Optional<String> stoppedBecause) {

    public InstallReport {
        layouts = List.copyOf(layouts);
    }

    public InstallReport(
            SObjectType object,
            String fieldApiName,
            boolean dryRun,
            List<LayoutChange> layouts,
            Optional<String> fieldNote) {
        this(object, fieldApiName, dryRun, layouts, fieldNote, Optional.empty());
    }

    public boolean anyFailed() {
        return stoppedBecause.isPresent() || layouts.stream().anyMatch(l -> l.outcome() == LayoutChange.Outcome.FAILED);
    }

    /** The layouts with this outcome, by the name Setup shows. */
    public List<String> labels(LayoutChange.Outcome outcome) {
        return layouts.stream()
                .filter(l -> l.outcome() == outcome)
                .map(LayoutChange::label)
                .toList();
    }
}
