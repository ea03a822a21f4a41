package com.unsubscribesync.sync;

import java.util.OptionalInt;

/**
 * How many unsubscribes this process has taken (a clicked link, an API request) and not yet committed to the
 * outbox. The pusher cannot see them in the store: while there are any, a burst is still arriving even when the
 * outbox has not grown between two looks, because the commits come further apart than the looks; once there are
 * none, a burst that stopped growing is over and waiting longer gains nothing (ADR 0086).
 */
@FunctionalInterface
public interface UnsubscribesOnTheWay {
    /** A process that takes no clicks itself (the console, a {@code serve} without an intake) cannot tell. */
    UnsubscribesOnTheWay UNKNOWN = OptionalInt::empty;

    /** Empty when this process does not know, having no intake. */
    OptionalInt count();
}
