package com.unsubscribesync.store;

/**
 * A write of many rows failed after some of its batches were committed for good: the message says how many rows
 * were saved and that running the same write again finishes it (rows already saved are skipped).
 */
public final class PartlySavedException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final long rowsSaved;
    private final long added;

    /** @param what the rows that were added, e.g. "new unsubscribes" */
    PartlySavedException(long rowsSaved, long added, String what, Throwable cause) {
        super(
                "The import stopped part-way because the local database could not write (" + reason(cause) + "): "
                        + rowsSaved + " rows were saved for good (" + added + " " + what + ") and the rest were not; "
                        + "free disk space if the disk is full, then run the same import again (rows already saved are "
                        + "skipped)",
                cause);
        this.rowsSaved = rowsSaved;
        this.added = added;
    }

    /** Rows of the file whose batches were committed (new or already there). */
    public long rowsSaved() {
        return rowsSaved;
    }

    /** New rows among them (new unsubscribes, or people saved). */
    public long added() {
        return added;
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
