package com.unsubscribesync.sync;

/** How a run tells its caller how far it is; the console turns it into a progress bar, the server into log lines. */
public interface RunProgress {
    RunProgress SILENT = (phase, done, total) -> {};

    /**
     * @param total -1 when unknown
     */
    void update(String phase, long done, long total);

    /** Whether the caller asked the run to stop; a stopped run ends cleanly and the rest waits for the next one. */
    default boolean cancelled() {
        return false;
    }
}
