package com.unsubscribesync.sync;

/**
 * How many unsubscribes this process has taken (a clicked link, an API request) and not yet committed to the
 * outbox. The pusher cannot see them in the store; while there are any, a burst is still arriving even when the
 * outbox has not grown between two looks, because the commits come further apart than the looks.
 */
@FunctionalInterface
public interface UnsubscribesOnTheWay {
    /** A process that takes no clicks (the console alone, the bench's direct burst). */
    UnsubscribesOnTheWay NONE = () -> 0;

    int count();
}
