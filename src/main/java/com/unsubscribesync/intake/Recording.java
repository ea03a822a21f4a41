package com.unsubscribesync.intake;

import com.unsubscribesync.links.LinkSubject;

/** Records the unsubscribe a link names; returns once it is committed, true when it is new. */
@FunctionalInterface
public interface Recording {
    boolean record(LinkSubject subject);
}
