package com.unsubscribesync.layout;

import java.time.Instant;

/**
 * An undone layout change.
 *
 * @param backupTakenAt when the original was kept (the time of the change undone)
 * @param identical     whether the layout now reads back exactly as the kept original
 */
public record UndoReport(String fullName, String label, Instant backupTakenAt, boolean identical) {}
