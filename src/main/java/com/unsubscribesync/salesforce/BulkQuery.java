package com.unsubscribesync.salesforce;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchInfoList;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.CSVReader;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Pulls every record of an object through one Bulk API 1.0 query job with PK chunking: the job is created with the
 * {@code Sforce-Enable-PKChunking} header, the SOQL added as its one batch, the job closed, then the batch list polled
 * with growing waits until Salesforce has split the query into chunk batches (the batch as sent becomes NotProcessed)
 * and finished them all; then each chunk's result list is read and each of its results streamed, row by row, to the
 * consumer. A batch that failed ends the pull with a {@link SalesforceException} before any row is handed over.
 *
 * <p>Its least number of API calls, when every chunk is done at the first look and has one result: create the job,
 * add the batch, close the job, one poll of the batch list, and per chunk its result list and its result --
 * {@code 4 + 2 × ceil(records / chunkSize)} ({@link #plannedCalls}). Each further poll, or each result past a
 * chunk's first (a result holds at most 1 GB), costs one more.
 */
public final class BulkQuery {
    /** Salesforce's default chunk, in ids. */
    public static final int DEFAULT_CHUNK = 100_000;
    /**
     * From this many records of one object a full read goes through a Bulk query job (ADR 0073): below it pages of
     * 2 000, several in flight, are as quick, and a Bulk job may wait in Salesforce's queue before it starts.
     */
    public static final long FULL_READS_FROM = SyncSettings.DEFAULT_BULK_QUERY_FROM;
    /** Salesforce's largest chunk, in ids. */
    public static final int MAX_CHUNK = 250_000;

    static final String PK_CHUNKING = "Sforce-Enable-PKChunking";
    private static final String NO_RECORDS = "Records not found for this query";

    private final OrgCalls calls;
    private final BulkPolling polling;

    BulkQuery(OrgCalls calls, BulkPolling polling) {
        this.calls = calls;
        this.polling = polling;
    }

    /** One record as read: the values of the selected fields, by API name (case ignored). */
    public static final class Row {
        private final Map<String, Integer> columns;
        private final List<String> values;

        Row(Map<String, Integer> columns, List<String> values) {
            this.columns = columns;
            this.values = values;
        }

        /** The field's value as Salesforce wrote it (a null is an empty text), or null if it was not selected. */
        public String value(String field) {
            Integer at = columns.get(field.toLowerCase(Locale.ROOT));
            return at == null || at >= values.size() ? null : values.get(at);
        }
    }

    /** The calls a pull of {@code records} ids makes at the least (see the class comment). */
    public static long plannedCalls(long records, int chunkSize) {
        long chunks = Math.max(1, (records + chunkSize - 1) / chunkSize);
        return 4 + 2 * chunks;
    }

    /**
     * Reads {@code fields} of every record of the type, deleted ones too when {@code includeDeleted} (queryAll, with
     * IsDeleted telling them apart), and hands each to {@code rows} as it is read, chunk after chunk in id order.
     *
     * @return how many rows were handed over
     * @throws SalesforceException when a request or a batch fails, or polling gives up before the chunks are done
     */
    public long pull(SObjectType type, List<String> fields, boolean includeDeleted, int chunkSize, Consumer<Row> rows) {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk size must be 1 to " + MAX_CHUNK + ", not " + chunkSize);
        }
        String soql = "SELECT " + fields.stream().map(SoqlLiteral::name).collect(Collectors.joining(", ")) + " FROM "
                + type.apiName();
        String what = "reading " + type.apiName() + " through a Bulk API query";
        JobInfo wanted = new JobInfo();
        wanted.setObject(type.apiName());
        wanted.setOperation(includeDeleted ? OperationEnum.queryAll : OperationEnum.query);
        wanted.setContentType(ContentType.CSV);
        JobInfo job = calls.bulk(what, bulk -> createChunkedJob(bulk, wanted, chunkSize));
        byte[] statement = soql.getBytes(StandardCharsets.UTF_8);
        String sent = calls.bulk(what, bulk -> bulk.createBatchFromStream(job, new ByteArrayInputStream(statement)))
                .getId();
        calls.bulk(what, bulk -> bulk.closeJob(job.getId()));
        List<BatchInfo> chunks = awaitChunks(job.getId(), sent, what);
        long handed = 0;
        for (BatchInfo chunk : chunks) {
            String[] results = calls.bulk(what, bulk -> bulk.getQueryResultList(job.getId(), chunk.getId()))
                    .getResult();
            for (String result : results == null ? new String[0] : results) {
                InputStream csv =
                        calls.bulk(what, bulk -> bulk.getQueryResultStream(job.getId(), chunk.getId(), result));
                handed += read(csv, rows, what);
            }
        }
        return handed;
    }

    /**
     * Every record of the type as the engine reads it on a full run ({@link SalesforceOrg#pullChanged} with no
     * {@code since}): the same columns through queryAll, so deleted and merged-away records come too, handed over in
     * lists of at most {@code listSize} as they are read.
     *
     * @return how many records were handed over
     */
    public long pullAll(
            SObjectType type, String fieldApiName, int chunkSize, int listSize, Consumer<List<OrgRecord>> records) {
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        List<OrgRecord> pending = new ArrayList<>(listSize);
        long count = pull(type, columns.names(), true, chunkSize, row -> {
            pending.add(columns.read(row));
            if (pending.size() >= listSize) {
                records.accept(List.copyOf(pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            records.accept(List.copyOf(pending));
        }
        return count;
    }

    /**
     * The header is kept by the shared connection for every later request, so it is set back to FALSE in the same
     * call: no other job is ever created with chunking.
     */
    private static JobInfo createChunkedJob(BulkConnection bulk, JobInfo wanted, int chunkSize)
            throws AsyncApiException {
        bulk.addHeader(PK_CHUNKING, "chunkSize=" + chunkSize);
        try {
            return bulk.createJob(wanted);
        } finally {
            bulk.addHeader(PK_CHUNKING, "false");
        }
    }

    /**
     * Polls the batch list until the batch as sent is NotProcessed and every chunk is Completed (or, if Salesforce
     * ran it without chunks, it is Completed itself); returns the batches holding the results, in list order.
     */
    private List<BatchInfo> awaitChunks(String jobId, String sent, String what) {
        Instant giveUp = polling.clock().instant().plus(polling.giveUpAfter());
        for (int poll = 1; ; poll++) {
            pause(poll, what);
            BatchInfoList list = calls.bulk(what, bulk -> bulk.getBatchInfoList(jobId));
            List<BatchInfo> batches = list.getBatchInfo() == null ? List.of() : List.of(list.getBatchInfo());
            for (BatchInfo batch : batches) {
                if (batch.getState() == BatchStateEnum.Failed) {
                    throw failed(batch, batches.size() - 1, what);
                }
            }
            BatchInfo original = batches.stream()
                    .filter(b -> b.getId().equals(sent))
                    .findFirst()
                    .orElse(null);
            boolean chunked = original != null && original.getState() == BatchStateEnum.NotProcessed;
            boolean single = original != null && original.getState() == BatchStateEnum.Completed;
            if (chunked
                    && batches.stream()
                            .filter(b -> !b.getId().equals(sent))
                            .allMatch(b -> b.getState() == BatchStateEnum.Completed)) {
                return batches.stream().filter(b -> !b.getId().equals(sent)).toList();
            }
            if (single) {
                return List.of(original);
            }
            if (!polling.clock().instant().isBefore(giveUp)) {
                throw new SalesforceException(
                        SalesforceException.Kind.UNAVAILABLE,
                        "BATCH_NOT_FINISHED",
                        "Salesforce had not finished the Bulk query after "
                                + polling.giveUpAfter().toMinutes() + " minutes while " + what
                                + "; the next run reads it again.",
                        null);
            }
        }
    }

    /** A query timeout or too many retries may pass on a later run; anything else needs an admin. */
    private static SalesforceException failed(BatchInfo batch, int chunks, String what) {
        String reason = batch.getStateMessage() == null ? "no reason given" : batch.getStateMessage();
        boolean passing = reason.contains("QUERY_TIMEOUT") || reason.contains("Retried more than");
        String code = reason.contains(" : ") ? reason.substring(0, reason.indexOf(" : ")) : "BATCH_FAILED";
        return new SalesforceException(
                passing ? SalesforceException.Kind.UNAVAILABLE : SalesforceException.Kind.REFUSED,
                code,
                "Salesforce failed batch " + batch.getId() + " (of " + Math.max(1, chunks) + " chunks) while " + what
                        + ": " + reason,
                null);
    }

    private void pause(int poll, String what) {
        try {
            polling.sleeper().sleep(polling.waitBefore(poll));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "INTERRUPTED",
                    "Stopped waiting for Salesforce while " + what + "; the next run reads it again.",
                    e);
        }
    }

    /** Streams one result: a header row naming the fields, then one row per record, or the no-records sentence. */
    private static long read(InputStream csv, Consumer<Row> rows, String what) {
        long count = 0;
        try (csv) {
            CSVReader reader = new CSVReader(csv, "UTF-8");
            // Its defaults are an upload batch's (10 001 rows, 10 MB); a query result holds up to 1 GB.
            reader.setMaxRowsInFile(Integer.MAX_VALUE);
            reader.setMaxCharsInFile(Integer.MAX_VALUE);
            List<String> header = reader.nextRecord();
            if (header == null || (header.size() == 1 && NO_RECORDS.equals(header.get(0)))) {
                return 0;
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            for (List<String> row = reader.nextRecord(); row != null; row = reader.nextRecord()) {
                rows.accept(new Row(columns, row));
                count++;
            }
        } catch (IOException e) {
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "READ_FAILED",
                    "Could not read a result while " + what + " (" + e.getMessage() + "); the next run reads it again.",
                    e);
        }
        return count;
    }
}
