package com.unsubscribesync.localorg.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One Bulk API 1.0 job and its batches; changed only under the lock of {@link BulkJobs}. */
final class BulkJob {
    /** Named as on the wire. */
    enum State {
        Open,
        Closed,
        Aborted
    }

    final String id;
    final String operation;
    final String object;
    /** The PK chunking of a query job, or null. */
    final PkChunking chunking;

    final int ownerRow;
    final String createdById;
    final String apiVersion;
    final Instant created;
    final List<BulkBatch> batches = new ArrayList<>();
    State state = State.Open;
    Instant modstamp;

    BulkJob(
            String id,
            String operation,
            String object,
            PkChunking chunking,
            int ownerRow,
            String createdById,
            String apiVersion,
            Instant created) {
        this.id = id;
        this.operation = operation;
        this.object = object;
        this.chunking = chunking;
        this.ownerRow = ownerRow;
        this.createdById = createdById;
        this.apiVersion = apiVersion;
        this.created = created;
        this.modstamp = created;
    }

    boolean isQuery() {
        return operation.equals("query") || operation.equals("queryAll");
    }

    /** queryAll's view: deleted records too. */
    boolean includesDeleted() {
        return operation.equals("queryAll");
    }

    long count(BulkBatch.State wanted) {
        return batches.stream().filter(b -> b.state == wanted).count();
    }

    long recordsProcessed() {
        return batches.stream().mapToLong(b -> b.processed).sum();
    }

    long recordsFailed() {
        return batches.stream().mapToLong(b -> b.failed).sum();
    }

    long processingMillis() {
        return batches.stream().mapToLong(b -> b.processingMillis).sum();
    }
}
