package com.unsubscribesync.localorg.bulk;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.latency.CallLatency;
import com.unsubscribesync.localorg.partner.RecordUpdates;
import com.unsubscribesync.localorg.soql.CompiledQuery;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.RecordIds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's Bulk API jobs, and the one worker that processes their batches in the order they arrive. A batch is
 * Queued when added, InProgress while the worker holds it, then Completed (one result per record) or Failed as a
 * whole. Tests can hold the worker to watch those states, and wait until it has nothing left.
 */
public final class BulkJobs implements AutoCloseable {
    /** Salesforce's most records in one batch. */
    static final int MAX_RECORDS = 10_000;

    private static final String JOB_PREFIX = "750";
    private static final String BATCH_PREFIX = "751";
    private static final String RESULT_PREFIX = "752";
    /** Salesforce's largest query result file, 1 GB; past it a batch's results continue in another file. */
    static final long MAX_RESULT_BYTES = 1_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);

    private final OrgState state;
    private final RecordUpdates updates;
    private final BulkQueries queries;
    private final Map<String, BulkJob> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "localorg-bulk");
        thread.setDaemon(true);
        return thread;
    });
    private int jobCount;
    private int batchCount;
    private final AtomicInteger resultCount = new AtomicInteger();
    private long maxResultBytes = MAX_RESULT_BYTES;
    private int unfinished;
    private boolean held;

    private final CallLatency latency;

    public BulkJobs(OrgState state, Faults faults, CallLatency latency) {
        this.state = state;
        this.latency = latency;
        this.updates = new RecordUpdates(state, faults);
        this.queries = new BulkQueries(state);
    }

    /** Lowers the size at which a query batch's results go on in another file, so tests see the split. */
    public synchronized void limitResultFiles(long bytes) {
        maxResultBytes = bytes;
    }

    /** Keeps the worker from finishing batches: the next one it takes stays InProgress, the rest Queued. */
    public synchronized void hold() {
        held = true;
    }

    public synchronized void release() {
        held = false;
        notifyAll();
    }

    /** Waits until every batch added so far is finished; false if that took longer than {@code limit}. */
    public synchronized boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (unfinished > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** A job as an admin sees it on Setup's Bulk Data Load Jobs page. */
    public record JobView(
            String id, String object, String state, List<String> batchStates, List<Integer> batchRecords) {}

    /** Every job so far, oldest first. */
    public synchronized List<JobView> jobs() {
        return jobs.values().stream()
                .map(job -> new JobView(
                        job.id,
                        job.object,
                        job.state.name(),
                        job.batches.stream().map(b -> b.state.name()).toList(),
                        job.batches.stream().map(b -> b.processed).toList()))
                .toList();
    }

    synchronized BulkJob create(String operation, String object, PkChunking chunking, int ownerRow, String apiVersion) {
        String id = RecordIds.idOf(JOB_PREFIX, jobCount++);
        BulkJob job = new BulkJob(
                id,
                operation,
                object,
                chunking,
                ownerRow,
                state.directory().userId(ownerRow),
                apiVersion,
                state.stamp());
        jobs.put(id, job);
        return job;
    }

    /** The job, if it exists and belongs to the user asking. */
    synchronized BulkJob find(String id, int userRow) {
        BulkJob job = jobs.get(id == null ? "" : RecordIds.to18(id));
        if (job == null) {
            throw AsyncError.notFound("InvalidJob", id);
        }
        if (job.ownerRow != userRow) {
            throw new AsyncError(403, "InvalidUser", "Job " + id + " was created by another user");
        }
        return job;
    }

    synchronized BulkBatch batch(BulkJob job, String id) {
        String wanted = RecordIds.to18(id);
        return job.batches.stream()
                .filter(b -> b.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> AsyncError.notFound("InvalidBatch", id));
    }

    synchronized BulkBatch add(BulkJob job, String csv) {
        if (job.state != BulkJob.State.Open) {
            throw new AsyncError(400, "InvalidJobState", "Job " + job.id + " is not open");
        }
        return queue(job, csv, this::process);
    }

    /** A new Queued batch of the job, taken by the worker after the ones before it. */
    private BulkBatch queue(BulkJob job, String request, Consumer<BulkBatch> work) {
        BulkBatch batch = new BulkBatch(RecordIds.idOf(BATCH_PREFIX, batchCount++), job, request, state.stamp());
        job.batches.add(batch);
        job.modstamp = batch.created;
        unfinished++;
        worker.submit(() -> work.accept(batch));
        return batch;
    }

    synchronized void changeState(BulkJob job, String wanted) {
        BulkJob.State next;
        if ("Closed".equals(wanted) && job.state == BulkJob.State.Open) {
            next = BulkJob.State.Closed;
        } else if ("Aborted".equals(wanted) && job.state != BulkJob.State.Aborted) {
            next = BulkJob.State.Aborted;
        } else {
            throw new AsyncError(
                    400,
                    "InvalidJobState",
                    "Invalid state '" + wanted + "' for job " + job.id + " in state " + job.state);
        }
        job.state = next;
        job.modstamp = state.stamp();
    }

    /** Runs a read of job or batch state under the lock, so the worker does not change it halfway. */
    synchronized <T> T read(Supplier<T> reading) {
        return reading.get();
    }

    private void process(BulkBatch batch) {
        if (batch.job.isQuery()) {
            run(batch, () -> query(batch, null), this::finishQuery);
            return;
        }
        run(
                batch,
                () -> {
                    List<RecordUpdates.Outcome> outcomes = apply(batch);
                    latency.hold("bulk.processBatch", outcomes.size());
                    return outcomes;
                },
                this::finish);
    }

    /** A batch's work: its results, null when it finished the batch itself; a refusal fails the batch. */
    @FunctionalInterface
    private interface Work<T> {
        List<T> run() throws InterruptedException;
    }

    /** Records a finished batch: its results, or the reason it failed. */
    @FunctionalInterface
    private interface Finish<T> {
        void finish(BulkBatch batch, List<T> results, String failure, long millis);
    }

    /** Takes the batch InProgress (unless its job was aborted), does its work and records how it ended. */
    private <T> void run(BulkBatch batch, Work<T> work, Finish<T> finish) {
        try {
            if (!start(batch)) {
                return;
            }
            long began = System.nanoTime();
            String failure = null;
            List<T> results = List.of();
            try {
                results = work.run();
                if (results == null) {
                    return;
                }
            } catch (IllegalArgumentException e) {
                failure = e.getMessage();
            }
            finish.finish(batch, results, failure, (System.nanoTime() - began) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("local org failed to process a bulk batch", e);
            finish.finish(batch, List.of(), "InternalServerError : " + e.getMessage(), 0);
        }
    }

    /** Marks the batch InProgress and waits while held; false when its job was aborted before it started. */
    private synchronized boolean start(BulkBatch batch) throws InterruptedException {
        if (batch.job.state == BulkJob.State.Aborted) {
            batch.state = BulkBatch.State.NotProcessed;
            batch.stateMessage = "Batch not processed because the job was aborted";
            batch.modstamp = state.stamp();
            done();
            return false;
        }
        batch.state = BulkBatch.State.InProgress;
        batch.modstamp = state.stamp();
        while (held) {
            wait();
        }
        return true;
    }

    private List<RecordUpdates.Outcome> apply(BulkBatch batch) {
        BatchCsv csv = BatchCsv.parse(batch.request);
        // Salesforce counts the header line with the records in this message.
        if (csv.rows().size() > MAX_RECORDS) {
            throw new IllegalArgumentException(
                    "InvalidBatch : Exceeded number of records: " + (csv.rows().size() + 1)
                            + ". Number of records should be less than or equal to " + (MAX_RECORDS + 1));
        }
        updates.unknownField(batch.job.object, csv.header()).ifPresent(name -> {
            throw new IllegalArgumentException("InvalidBatch : Field name not found : " + name);
        });
        return updates.update(batch.job.object, csv.header(), csv.rows(), batch.job.ownerRow, batch.job.apiVersion);
    }

    private synchronized void finish(
            BulkBatch batch, List<RecordUpdates.Outcome> outcomes, String failure, long millis) {
        if (failure != null) {
            batch.state = BulkBatch.State.Failed;
            batch.stateMessage = failure;
        } else {
            StringBuilder results = new StringBuilder(BatchCsv.RESULT_HEADER);
            outcomes.forEach(outcome -> results.append(BatchCsv.resultLine(outcome)));
            batch.results = results.toString();
            batch.processed = outcomes.size();
            batch.failed = (int) outcomes.stream().filter(o -> !o.success()).count();
            batch.state = BulkBatch.State.Completed;
        }
        finished(batch, millis);
    }

    /**
     * A query batch: the batch as sent (chunk null), which with PK chunking only queues its chunks and becomes
     * NotProcessed (null), or one chunk of it over the query compiled for the batch as sent.
     */
    private List<ResultFile> query(BulkBatch batch, BulkQueries.Chunk chunk) throws InterruptedException {
        CompiledQuery query = chunk != null ? chunk.query() : queries.compile(batch.job, batch.request);
        if (chunk == null && batch.job.chunking != null) {
            queueChunks(batch, queries.chunks(query, batch.request, batch.job.chunking));
            return null;
        }
        List<ResultFile> files = results(query, chunk);
        latency.hold(
                "bulk.processQuery",
                files.stream().mapToInt(ResultFile::records).sum());
        return files;
    }

    private List<ResultFile> results(CompiledQuery query, BulkQueries.Chunk chunk) {
        long limit;
        synchronized (this) {
            limit = maxResultBytes;
        }
        QueryCsv csv = new QueryCsv(query, limit, this::nextResultId);
        return state.atomically(() -> {
            if (chunk == null) {
                int[] rows = query.run();
                int[] at = {0};
                return csv.write(() -> at[0] < rows.length ? rows[at[0]++] : -1);
            }
            int end = Math.min(chunk.to(), query.table().size());
            int[] row = {chunk.from()};
            return csv.write(() -> {
                while (row[0] < end) {
                    int candidate = row[0]++;
                    if (query.matches(candidate)) {
                        return candidate;
                    }
                }
                return -1;
            });
        });
    }

    private String nextResultId() {
        return RecordIds.idOf(RESULT_PREFIX, resultCount.getAndIncrement());
    }

    /** Queues every chunk, then sets the batch as sent NotProcessed, as Salesforce does once a query is chunked. */
    private synchronized void queueChunks(BulkBatch original, List<BulkQueries.Chunk> chunks) {
        for (BulkQueries.Chunk chunk : chunks) {
            queue(original.job, chunk.soql(), batch -> run(batch, () -> query(batch, chunk), this::finishQuery));
        }
        original.state = BulkBatch.State.NotProcessed;
        original.modstamp = state.stamp();
        done();
    }

    private synchronized void finishQuery(BulkBatch batch, List<ResultFile> files, String failure, long millis) {
        if (failure != null) {
            batch.state = BulkBatch.State.Failed;
            batch.stateMessage = failure;
        } else {
            batch.resultFiles = List.copyOf(files);
            batch.processed = files.stream().mapToInt(ResultFile::records).sum();
            batch.state = BulkBatch.State.Completed;
        }
        finished(batch, millis);
    }

    private void finished(BulkBatch batch, long millis) {
        batch.processingMillis = millis;
        batch.modstamp = state.stamp();
        batch.job.modstamp = batch.modstamp;
        done();
    }

    private void done() {
        unfinished--;
        notifyAll();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
