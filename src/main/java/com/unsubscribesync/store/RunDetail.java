package com.unsubscribesync.store;

import java.util.List;

/**
 * A run with the records it kept of what it did: at most {@link SyncRunRepository#DETAIL_CAP} of each list; the
 * rest is counted ({@code more…}).
 */
public record RunDetail(SyncRun run, List<RunRecord> pushed, List<RunRecord> imported, List<RunRecord> failed) {
    public RunDetail {
        pushed = List.copyOf(pushed);
        imported = List.copyOf(imported);
        failed = List.copyOf(failed);
    }

    public int morePushed() {
        return Math.max(0, run.counts().pushed() - pushed.size());
    }

    public int moreImported() {
        return Math.max(0, run.counts().imported() - imported.size());
    }

    public int moreFailed() {
        return Math.max(0, run.failed() - failed.size());
    }
}
