package com.unsubscribesync.salesforce;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchInfoList;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.CSVReader;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Bulk API 1.0 update job that sets a checkbox on many records: the job, one CSV batch per 10 000 ids, the
 * job closed at once, then the batch list polled with growing waits until every batch is done, and each batch's
 * results read back. Outcomes are classified as the SOAP update's are.
 */
final class BulkOptOutJob {
    private static final int BATCH_RECORDS = SalesforceBulk.BATCH_RECORDS;

    private final OrgCalls calls;
    private final BulkPolling polling;
    private final BatchPace pace;

    BulkOptOutJob(OrgCalls calls, BulkPolling polling) {
        this.calls = calls;
        this.polling = polling;
        this.pace = new BatchPace(polling.firstWait());
    }

    /** Requests one job of {@code ids} makes when every batch is done at the first look. */
    static long plannedCalls(int ids) {
        long batches = (ids + BATCH_RECORDS - 1) / BATCH_RECORDS;
        return 3 + 2 * batches;
    }

    List<WriteOutcome> run(SObjectType type, String field, List<SalesforceId> ids, boolean value, String what) {
        JobInfo wanted = new JobInfo();
        wanted.setObject(type.apiName());
        wanted.setOperation(OperationEnum.update);
        wanted.setContentType(ContentType.CSV);
        JobInfo job = calls.bulk(what, bulk -> bulk.createJob(wanted));
        List<List<SalesforceId>> batches = new ArrayList<>();
        List<String> batchIds = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_RECORDS) {
            List<SalesforceId> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_RECORDS));
            byte[] csv = csv(field, batch, value);
            batches.add(batch);
            batchIds.add(calls.bulk(what, bulk -> bulk.createBatchFromStream(job, new ByteArrayInputStream(csv)))
                    .getId());
        }
        calls.bulk(what, bulk -> bulk.closeJob(job.getId()));
        Map<String, BatchInfo> finished = awaitBatches(job.getId(), batchIds, ids.size(), what);
        List<WriteOutcome> outcomes = new ArrayList<>(ids.size());
        for (int i = 0; i < batches.size(); i++) {
            String batchId = batchIds.get(i);
            BatchInfo batch = finished.get(batchId);
            if (batch != null && batch.getState() == BatchStateEnum.Completed) {
                List<List<String>> rows =
                        calls.bulk(what, bulk -> read(bulk.getBatchResultStream(job.getId(), batchId)));
                outcomes.addAll(outcomes(batches.get(i), rows));
            } else {
                outcomes.addAll(unfinished(batches.get(i), batch));
            }
        }
        return outcomes;
    }

    /** Looks at all batches in one request per poll; stops when all are done or when it is time to give up. */
    private Map<String, BatchInfo> awaitBatches(String jobId, List<String> batchIds, int records, String what) {
        Instant closed = polling.clock().instant();
        Duration first = pace.firstWait(records);
        Duration runningAt = Duration.ZERO;
        Map<String, BatchInfo> latest = new HashMap<>();
        for (int poll = 1; ; poll++) {
            pause(polling.waitBefore(poll, first), what);
            BatchInfoList list = calls.bulk(what, bulk -> bulk.getBatchInfoList(jobId));
            Duration lookedAt = Duration.between(closed, polling.clock().instant());
            for (BatchInfo info : list.getBatchInfo() == null ? new BatchInfo[0] : list.getBatchInfo()) {
                latest.put(info.getId(), info);
            }
            boolean allDone = batchIds.stream().allMatch(id -> latest.containsKey(id) && done(latest.get(id)));
            if (allDone) {
                pace.observed(records, runningAt, lookedAt);
                return latest;
            }
            if (lookedAt.compareTo(polling.giveUpAfter()) >= 0) {
                return latest;
            }
            runningAt = lookedAt;
        }
    }

    private static boolean done(BatchInfo batch) {
        return batch.getState() != BatchStateEnum.Queued && batch.getState() != BatchStateEnum.InProgress;
    }

    private void pause(Duration wait, String what) {
        try {
            polling.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "INTERRUPTED",
                    "Stopped waiting for " + "Salesforce while " + what
                            + ": the opt-outs not confirmed are pushed again later.",
                    e);
        }
    }

    private static byte[] csv(String field, List<SalesforceId> ids, boolean value) {
        StringBuilder text =
                new StringBuilder(ids.size() * 26).append("Id,").append(field).append('\n');
        for (SalesforceId id : ids) {
            text.append(id.value()).append(',').append(value).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<List<String>> read(InputStream results) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (results) {
            CSVReader reader = new CSVReader(results, "UTF-8");
            for (List<String> row = reader.nextRecord(); row != null; row = reader.nextRecord()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Results come in the order the records were sent, after a header row naming the columns. */
    private static List<WriteOutcome> outcomes(List<SalesforceId> batch, List<List<String>> rows) {
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        int success = header.indexOf("Success");
        int error = header.indexOf("Error");
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<String> row = i + 1 < rows.size() ? rows.get(i + 1) : List.of();
            if (success >= 0 && success < row.size() && "true".equalsIgnoreCase(row.get(success))) {
                outcomes.add(WriteOutcome.written(batch.get(i)));
            } else {
                String text = error >= 0 && error < row.size() ? row.get(error) : null;
                outcomes.add(FaultClassifier.failedRecord(batch.get(i), statusCode(text), message(text)));
            }
        }
        return outcomes;
    }

    /** A batch that failed as a whole, or was still running when polling gave up: nothing in it is confirmed. */
    private List<WriteOutcome> unfinished(List<SalesforceId> batch, BatchInfo info) {
        String state = info == null || info.getState() == null
                ? "Unknown"
                : info.getState().name();
        String reason = info == null || info.getStateMessage() == null
                ? "Salesforce had not finished the batch after "
                        + polling.giveUpAfter().toMinutes() + " minutes"
                : info.getStateMessage();
        String code = reason.contains(" : ") ? reason.substring(0, reason.indexOf(" : ")) : "BATCH_" + state;
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        for (SalesforceId id : batch) {
            outcomes.add(new WriteOutcome(id, WriteOutcome.Result.RETRYABLE, Optional.of(code), Optional.of(reason)));
        }
        return outcomes;
    }

    /** "STATUS_CODE:message:fields --": the code is everything before the first colon. */
    private static String statusCode(String error) {
        if (error == null || error.indexOf(':') <= 0) {
            return null;
        }
        return error.substring(0, error.indexOf(':'));
    }

    private static String message(String error) {
        if (error == null || error.indexOf(':') <= 0) {
            return error;
        }
        String rest = error.substring(error.indexOf(':') + 1);
        int fields = rest.lastIndexOf(':');
        return (fields > 0 ? rest.substring(0, fields) : rest).strip();
    }
}
