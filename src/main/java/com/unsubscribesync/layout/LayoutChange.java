package com.unsubscribesync.layout;

import java.util.Optional;

/**
 * What installing the field did (or, in a dry run, would do) to one layout.
 *
 * @param preview the section the field goes into, as it looks afterwards
 * @param problem why it failed, in one sentence
 */
public record LayoutChange(
        String fullName, String label, Outcome outcome, Optional<SectionPreview> preview, Optional<String> problem) {

    public enum Outcome {
        /** The field was added and the original layout kept for undo. */
        ADDED,
        /** Dry run: the field would be added here. */
        WOULD_ADD,
        /** The field was already on the layout; nothing was written. */
        ALREADY_THERE,
        /**
         * Salesforce refused the change (the layout is unchanged), or did not confirm it (the problem says so, and
         * the original is kept so undo restores it if it was saved after all).
         */
        FAILED,
        /** The run stopped before this layout; nothing was written to it. */
        NOT_TRIED
    }
}
