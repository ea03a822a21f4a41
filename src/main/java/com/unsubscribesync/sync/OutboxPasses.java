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
     * One pass over what is due; runs {@code sending} (once or more) when its writes are about to go to Salesforce,
     * or when it ends without any.
     */
    PushReport drainOnce(Runnable sending);
}
