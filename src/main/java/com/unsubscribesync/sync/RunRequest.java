package com.unsubscribesync.sync;

import com.unsubscribesync.store.SyncRun;

/**
 * @param dryRun  plan and report, write nothing
 * @param full    pull every record instead of only those changed since the last good run
 * @param origin  the front end that asked for the run, shown in the history
 */
public record RunRequest(SyncRun.Trigger trigger, boolean dryRun, boolean full, SyncRun.Origin origin) {
    /** A run whose origin is not told (tests, tools). */
    public RunRequest(SyncRun.Trigger trigger, boolean dryRun, boolean full) {
        this(trigger, dryRun, full, SyncRun.Origin.UNKNOWN);
    }
}
