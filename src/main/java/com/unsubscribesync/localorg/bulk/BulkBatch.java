package com.unsubscribesync.localorg.bulk;

import java.time.Instant;
import java.util.List;

/**
 * One batch of a job: the CSV or SOQL as sent (for a PK chunk, the SOQL with its id bounds), its state, and its
 * results once processed.
 */
final class BulkBatch {
    /** Named as on the wire. */
    enum State {
        Queued,
        InProgress,
        Completed,
        Failed,
        NotProcessed
    }

    final String id;
    final BulkJob job;
    final String request;
    final Instant created;
    State state = State.Queued;
    String stateMessage;
    Instant modstamp;
    int processed;
    int failed;
    long processingMillis;
    String results;
    /** A query batch's results once Completed. */
    List<ResultFile> resultFiles = List.of();

    BulkBatch(String id, BulkJob job, String request, Instant created) {
        this.id = id;
        this.job = job;
        this.request = request;
        this.created = created;
        this.modstamp = created;
    }

    boolean finished() {
        return state != State.Queued && state != State.InProgress;
    }
}
