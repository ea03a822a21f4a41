package com.unsubscribesync.sync;

import java.time.Duration;

/** What the engine drives to drain the outbox: when the next pass should start, and the pass itself. */
interface OutboxPasses {
    /**
     * Zero when a pass should start now, else how long to let a burst keep arriving first.
     *
     * @param passUnderWay whether an earlier pass is still waiting for Salesforce's answers
     */
    Duration untilBurstGathered(boolean passUnderWay);

    /**
     * One pass over what is due; runs {@code sending} when its writes are about to go to Salesforce, never when it
     * found nothing to push (the engine then waits before it looks again, rather than start the next pass at once).
     */
    PushReport drainOnce(Runnable sending);
}
