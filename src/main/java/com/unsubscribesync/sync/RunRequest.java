package com.unsubscribesync.sync;

import com.unsubscribesync.store.SyncRun;

/**
 * @param dryRun  plan and report, write nothing
 * @param full    pull every record instead of only those changed since the last good run
 */
public record RunRequest(SyncRun.Trigger trigger, boolean dryRun, boolean full) {
}
