package com.unsubscribesync.localorg.bulk;

import com.unsubscribesync.localorg.soap.XmlOut;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Bulk API's XML documents, with children in the order force-wsc's JobInfo and BatchInfo read them (they read
 * in sequence, so an element out of place is lost).
 */
final class BulkXml {
    static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private BulkXml() {}

    static String jobInfo(BulkJob job) {
        XmlOut out = new XmlOut();
        out.open("jobInfo", "xmlns", NAMESPACE)
                .leaf("id", job.id)
                .leaf("operation", job.operation)
                .leaf("object", job.object)
                .leaf("createdById", job.createdById)
                .leaf("createdDate", DATE_TIME.format(job.created))
                .leaf("systemModstamp", DATE_TIME.format(job.modstamp))
                .leaf("state", job.state.name())
                .leaf("concurrencyMode", "Parallel")
                .leaf("contentType", "CSV")
                .leaf("numberBatchesQueued", job.count(BulkBatch.State.Queued))
                .leaf("numberBatchesInProgress", job.count(BulkBatch.State.InProgress))
                .leaf("numberBatchesCompleted", job.count(BulkBatch.State.Completed))
                .leaf("numberBatchesFailed", job.count(BulkBatch.State.Failed))
                .leaf("numberBatchesTotal", job.batches.size())
                .leaf("numberRecordsProcessed", job.recordsProcessed())
                .leaf("numberRetries", 0)
                .leaf("apiVersion", job.apiVersion)
                .leaf("numberRecordsFailed", job.recordsFailed())
                .leaf("totalProcessingTime", job.processingMillis())
                .leaf("apiActiveProcessingTime", job.processingMillis())
                .leaf("apexProcessingTime", 0)
                .close();
        return DECLARATION + out;
    }

    static String batchInfo(BulkBatch batch) {
        XmlOut out = new XmlOut();
        out.open("batchInfo", "xmlns", NAMESPACE);
        writeBatch(out, batch);
        return DECLARATION + out.close();
    }

    static String batchInfoList(BulkJob job) {
        XmlOut out = new XmlOut();
        out.open("batchInfoList", "xmlns", NAMESPACE);
        for (BulkBatch batch : job.batches) {
            out.open("batchInfo");
            writeBatch(out, batch);
            out.close();
        }
        return DECLARATION + out.close();
    }

    /** The ids of a completed query batch's results, each read at {@code …/result/{id}}. */
    static String resultList(BulkBatch batch) {
        XmlOut out = new XmlOut();
        out.open("result-list", "xmlns", NAMESPACE);
        for (ResultFile file : batch.resultFiles) {
            out.leaf("result", file.id());
        }
        return DECLARATION + out.close();
    }

    private static void writeBatch(XmlOut out, BulkBatch batch) {
        out.leaf("id", batch.id)
                .leaf("jobId", batch.job.id)
                .leaf("state", batch.state.name())
                .optional("stateMessage", batch.stateMessage)
                .leaf("createdDate", DATE_TIME.format(batch.created))
                .leaf("systemModstamp", DATE_TIME.format(batch.modstamp))
                .leaf("numberRecordsProcessed", batch.processed)
                .leaf("numberRecordsFailed", batch.failed)
                .leaf("totalProcessingTime", batch.processingMillis)
                .leaf("apiActiveProcessingTime", batch.processingMillis)
                .leaf("apexProcessingTime", 0);
    }
}
