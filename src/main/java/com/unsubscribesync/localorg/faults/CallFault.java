package com.unsubscribesync.localorg.faults;

/** What happens to one incoming call before the org looks at it. */
public enum CallFault {
    NONE,
    MAINTENANCE_PAGE,
    DROPPED_CONNECTION
}
