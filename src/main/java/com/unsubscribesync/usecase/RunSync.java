package com.unsubscribesync.usecase;

import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.NightlySync;
import com.unsubscribesync.sync.PushReport;
import com.unsubscribesync.sync.RealtimePusher;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.sync.RunRequest;

/** The nightly run on demand (run now, or a dry run that writes nothing) and draining the outbox now. */
public final class RunSync {
    private final NightlySync nightly;
    private final RealtimePusher pusher;
    private final OutboxRepository outbox;
    private final SyncRun.Origin origin;

    /** @param origin the front end the runs are shown as started from */
    public RunSync(NightlySync nightly, RealtimePusher pusher, OutboxRepository outbox, SyncRun.Origin origin) {
        this.nightly = nightly;
        this.pusher = pusher;
        this.outbox = outbox;
        this.origin = origin;
    }

    /**
     * @param full pull every record, not only those changed since the last run
     * @throws NightlySync.AlreadyRunning when another process is running the sync
     */
    public RunReport now(boolean dryRun, boolean full, RunProgress progress) {
        return nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, dryRun, full, origin), progress);
    }

    /** What a push of the outbox did, and how many opt-outs still wait. */
    public record Pushed(PushReport report, long pending) {}

    public Pushed pushNow() {
        PushReport report = pusher.drain();
        return new Pushed(report, outbox.pendingCount());
    }
}
