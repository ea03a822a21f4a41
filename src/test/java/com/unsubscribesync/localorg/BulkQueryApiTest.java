package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.CSVReader;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import com.unsubscribesync.localorg.state.RecordIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk API 1.0 query jobs of the local org, with and without PK chunking, through force-wsc's BulkConnection. */
class BulkQueryApiTest {
    private static final String CHUNKING = "Sforce-Enable-PKChunking";
    private LocalOrg org;
    private BulkConnection bulk;

    @BeforeEach
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(500));
        bulk = Clients.bulk(org, org.issueAccessToken());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void aChunkedQueryQueuesOneBatchPerChunkOfIdsAndLeavesTheBatchAsSentNotProcessed() throws Exception {
        int contacts = org.state().count("Contact");
        bulk.addHeader(CHUNKING, "chunkSize=100");
        JobInfo job = bulk.createJob(queryJob(OperationEnum.query));
        BatchInfo sent = addQuery(job, "SELECT Id, Email FROM Contact");
        assertThat(sent.getState()).isEqualTo(BatchStateEnum.Queued);
        awaitIdle();

        List<BatchInfo> batches = List.of(bulk.getBatchInfoList(job.getId()).getBatchInfo());
        assertThat(batches.get(0).getId()).isEqualTo(sent.getId());
        assertThat(batches.get(0).getState()).isEqualTo(BatchStateEnum.NotProcessed);
        List<BatchInfo> chunks = batches.subList(1, batches.size());
        assertThat(chunks).hasSize((contacts + 99) / 100);
        assertThat(chunks).allSatisfy(b -> assertThat(b.getState()).isEqualTo(BatchStateEnum.Completed));
        assertThat(chunks.get(0).getNumberRecordsProcessed()).isEqualTo(100);
        assertThat(request(job, chunks.get(1)))
                .isEqualTo("SELECT Id, Email FROM Contact WHERE Id >= '" + contact(100) + "' AND Id < '" + contact(200)
                        + "'");
        Set<String> ids = new HashSet<>();
        for (BatchInfo chunk : chunks) {
            for (List<String> row : rows(job, chunk)) {
                assertThat(ids.add(row.get(0))).as("each id once").isTrue();
            }
        }
        assertThat(ids).hasSize(contacts).contains(contact(0), contact(contacts - 1));
    }

    @Test
    void resultsAreQuotedCsvWithEmptyNullsAndLowerCaseBooleansSplitWhenLargerThanAResultFileHolds() throws Exception {
        String id = org.state().addContact("Ann", "O\"Brien, \"Jr\"", "ann@example.com");
        org.bulkJobs().limitResultFiles(2_000);
        JobInfo job = bulk.createJob(queryJob(OperationEnum.query));
        BatchInfo batch = addQuery(job, "SELECT Id, LastName, Title, HasOptedOutOfEmail FROM Contact");
        awaitIdle();

        String[] results = bulk.getQueryResultList(job.getId(), batch.getId()).getResult();
        assertThat(results.length).isGreaterThan(1);
        assertThat(results[0]).startsWith("752").hasSize(18);
        String header = "\"Id\",\"LastName\",\"Title\",\"HasOptedOutOfEmail\"\n";
        int rows = 0;
        String last = "";
        for (String result : results) {
            String text = text(bulk.getQueryResultStream(job.getId(), batch.getId(), result));
            assertThat(text).startsWith(header);
            assertThat(text.length()).isLessThanOrEqualTo(2_000);
            assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).matches("\".*\",\"(true|false)\""));
            rows += (int) text.lines().count() - 1;
            last = text;
        }
        assertThat(rows).isEqualTo(org.state().count("Contact"));
        assertThat(last).endsWith("\"" + id + "\",\"O\"\"Brien, \"\"Jr\"\"\",\"\",\"false\"\n");
    }

    @Test
    void queryAllReturnsDeletedRecordsWithIsDeletedAndQueryLeavesThemOut() throws Exception {
        String deleted = contact(3);
        org.state().delete(deleted);
        JobInfo all = bulk.createJob(queryJob(OperationEnum.queryAll));
        BatchInfo allBatch = addQuery(all, "SELECT Id, IsDeleted FROM Contact");
        JobInfo live = bulk.createJob(queryJob(OperationEnum.query));
        BatchInfo liveBatch = addQuery(live, "SELECT Id, IsDeleted FROM Contact");
        awaitIdle();

        List<List<String>> withDeleted = rows(all, allBatch);
        List<List<String>> liveRows = rows(live, liveBatch);
        assertThat(withDeleted).contains(List.of(deleted, "true"));
        assertThat(liveRows)
                .hasSize(org.state().count("Contact"))
                .noneMatch(row -> row.get(0).equals(deleted));
        assertThat(withDeleted.stream().filter(row -> row.get(1).equals("false")))
                .containsExactlyElementsOf(liveRows);
        assertThat(bulk.getJobStatus(all.getId()).getOperation()).isEqualTo(OperationEnum.queryAll);
    }

    @Test
    void aChunkedQueryStartsAtStartRowAndAQueryMatchingNothingSaysSoInItsResult() throws Exception {
        bulk.addHeader(
                CHUNKING, "chunkSize=250; startRow=" + contact(org.state().count("Contact") - 10));
        JobInfo job = bulk.createJob(queryJob(OperationEnum.query));
        addQuery(job, "SELECT Id FROM Contact WHERE Email = 'nobody@example.invalid'");
        awaitIdle();

        BatchInfo[] batches = bulk.getBatchInfoList(job.getId()).getBatchInfo();
        assertThat(batches).hasSize(2);
        String result = bulk.getQueryResultList(job.getId(), batches[1].getId()).getResult()[0];
        assertThat(text(bulk.getQueryResultStream(job.getId(), batches[1].getId(), result)))
                .isEqualTo("Records not found for this query");
    }

    @Test
    void soqlBulkQueryDoesNotSupportFailsTheBatchWithSalesforcesReason() throws Exception {
        JobInfo job = bulk.createJob(queryJob(OperationEnum.query));
        BatchInfo count = addQuery(job, "SELECT COUNT() FROM Contact");
        BatchInfo offset = addQuery(job, "SELECT Id FROM Contact LIMIT 10 OFFSET 5");
        BatchInfo nested = addQuery(job, "SELECT Id, (SELECT Id FROM Cases) FROM Contact");
        BatchInfo unknown = addQuery(job, "SELECT Id, NoSuchField__c FROM Contact");
        bulk.addHeader(CHUNKING, "true");
        JobInfo chunked = bulk.createJob(queryJob(OperationEnum.query));
        BatchInfo ordered = addQuery(chunked, "SELECT Id FROM Contact ORDER BY Email");
        awaitIdle();

        assertThat(failure(job, count))
                .isEqualTo("InvalidBatch : Failed to process query: FUNCTIONALITY_NOT_ENABLED: Aggregate queries are"
                        + " not supported in Bulk Query");
        assertThat(failure(job, offset)).contains("FUNCTIONALITY_NOT_ENABLED: OFFSET is not supported");
        assertThat(failure(job, nested))
                .contains("FUNCTIONALITY_NOT_ENABLED: Aggregate Relationships not supported in Bulk Query");
        assertThat(failure(job, unknown))
                .startsWith("InvalidBatch : Failed to process query: INVALID_FIELD: ")
                .contains("No such column 'NoSuchField__c' on entity 'Contact'");
        assertThat(failure(chunked, ordered)).contains("PK chunking works only with queries");
        assertThatThrownBy(() -> bulk.getQueryResultList(job.getId(), count.getId()))
                .isInstanceOf(AsyncApiException.class)
                .extracting(e -> ((AsyncApiException) e).getExceptionCode())
                .isEqualTo(AsyncExceptionCode.InvalidBatch);
    }

    @Test
    void aChunkSizeAboveTwoHundredFiftyThousandIsRefusedWhenTheJobIsCreated() throws Exception {
        bulk.addHeader(CHUNKING, "chunkSize=250001");
        assertThatThrownBy(() -> bulk.createJob(queryJob(OperationEnum.query)))
                .isInstanceOf(AsyncApiException.class)
                .satisfies(e -> {
                    assertThat(((AsyncApiException) e).getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob);
                    assertThat(e.getMessage()).contains("chunkSize must be a number from 1 to 250000");
                });
    }

    @Test
    void aQueryBatchTakesTheLatencyProfilesQueryTimePerRecord() throws Exception {
        org.latency().use(LatencyProfile.parse("bulk.processQuery=2ms/row,bulk.processBatch=0ms"));
        JobInfo job = bulk.createJob(queryJob(OperationEnum.query));
        BatchInfo batch = addQuery(job, "SELECT Id FROM Contact LIMIT 200");
        awaitIdle();

        assertThat(bulk.getBatchInfo(job.getId(), batch.getId()).getTotalProcessingTime())
                .isGreaterThanOrEqualTo(400);
    }

    @Test
    void everyQueryRequestCountsAsOneApiCall() throws Exception {
        int before = org.apiCallsUsed();
        bulk.addHeader(CHUNKING, "chunkSize=200");
        JobInfo job = bulk.createJob(queryJob(OperationEnum.query));
        addQuery(job, "SELECT Id FROM Contact");
        bulk.closeJob(job.getId());
        awaitIdle();
        BatchInfo[] batches = bulk.getBatchInfoList(job.getId()).getBatchInfo();
        for (int i = 1; i < batches.length; i++) {
            for (String result :
                    bulk.getQueryResultList(job.getId(), batches[i].getId()).getResult()) {
                bulk.getQueryResultStream(job.getId(), batches[i].getId(), result)
                        .close();
            }
        }
        int chunks = batches.length - 1;
        assertThat(org.apiCallsUsed() - before).isEqualTo(4 + 2 * chunks);
    }

    private static String contact(int row) {
        return RecordIds.idOf("003", row);
    }

    private static JobInfo queryJob(OperationEnum operation) {
        JobInfo job = new JobInfo();
        job.setObject("Contact");
        job.setOperation(operation);
        job.setContentType(ContentType.CSV);
        return job;
    }

    private BatchInfo addQuery(JobInfo job, String soql) throws AsyncApiException {
        return bulk.createBatchFromStream(job, new ByteArrayInputStream(soql.getBytes(StandardCharsets.UTF_8)));
    }

    private void awaitIdle() throws InterruptedException {
        assertThat(org.bulkJobs().awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private String failure(JobInfo job, BatchInfo batch) throws AsyncApiException {
        BatchInfo info = bulk.getBatchInfo(job.getId(), batch.getId());
        assertThat(info.getState()).isEqualTo(BatchStateEnum.Failed);
        return info.getStateMessage();
    }

    private String request(JobInfo job, BatchInfo batch) throws Exception {
        return text(bulk.getBatchRequestInputStream(job.getId(), batch.getId()));
    }

    /** Every row of every result of the batch, without the header rows. */
    private List<List<String>> rows(JobInfo job, BatchInfo batch) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (String result : bulk.getQueryResultList(job.getId(), batch.getId()).getResult()) {
            List<List<String>> read = read(bulk.getQueryResultStream(job.getId(), batch.getId(), result));
            rows.addAll(read.subList(1, read.size()));
        }
        return rows;
    }

    private static List<List<String>> read(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (in) {
            CSVReader reader = new CSVReader(in, "UTF-8");
            for (List<String> row = reader.nextRecord(); row != null; row = reader.nextRecord()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
