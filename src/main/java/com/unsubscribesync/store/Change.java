package com.unsubscribesync.store;

import java.util.Optional;

/**
 * What a committed write changed, as the {@link ChangeFeed} announces it to every node and open console: each kind
 * names the screens and workers that should read again.
 */
public enum Change {
    /** An unsubscribe added or removed (typed, imported, clicked, sent to the API), or a line of its history. */
    UNSUBSCRIBES,
    /** The sync settings or the intake API's keys. */
    SETTINGS,
    /** A conflict opened, resolved or reopened. */
    CONFLICTS,
    /** An entry queued for the real-time push, or put back for any node to take. */
    OUTBOX,
    /** Queued pushes settled: the pending count went down. */
    PUSHED,
    /** A sync run started or finished. */
    RUNS,
    /** An intake wrote its counts of refused requests and failed commits. */
    INTAKE;

    /** The kind a notification's payload names; nothing for a payload of another version of the app. */
    static Optional<Change> named(String payload) {
        for (Change change : values()) {
            if (change.name().equals(payload)) {
                return Optional.of(change);
            }
        }
        return Optional.empty();
    }
}
