package com.unsubscribesync.layout;

import com.unsubscribesync.salesforce.ListedLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A layout as it was before the app changed it, kept in the data directory for undo.
 *
 * @param original  the layout document as the org returned it before the change
 * @param installed the layout document as read back after the change; empty if the app stopped in between
 */
public record LayoutBackup(
        String fullName,
        String organizationId,
        Instant takenAt,
        String original,
        Optional<String> installed,
        Path file) {

    public String label() {
        return ListedLayout.label(fullName);
    }
}
