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

    /** A layout the field was, or would be, placed on (or already was on), without a problem. */
    static LayoutChange of(String fullName, String label, Outcome outcome, Optional<SectionPreview> preview) {
        return new LayoutChange(fullName, label, outcome, preview, Optional.empty());
    }

    /** A layout left unchanged, or unconfirmed, for the reason given. */
    static LayoutChange failed(String fullName, String label, Optional<SectionPreview> preview, String problem) {
        return new LayoutChange(fullName, label, Outcome.FAILED, preview, Optional.of(problem));
    }
}
