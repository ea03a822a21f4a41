package com.unsubscribesync.intake;

import com.unsubscribesync.links.LinkSubject;
import java.util.List;

/** Records the unsubscribe a link names; returns once it is committed, true when it is new. */
@FunctionalInterface
public interface Recording {
    boolean record(LinkSubject subject);

    /**
     * Records the unsubscribes of clicks that arrived together, in one transaction where the store allows; returns,
     * in order, whether each was new. An address twice in the list is new at most once.
     */
    default List<Boolean> recordTogether(List<LinkSubject> subjects) {
        return subjects.stream().map(this::record).toList();
    }
}
