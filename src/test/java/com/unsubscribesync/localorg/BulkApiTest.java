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
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.localorg.state.RecordIds;
import com.unsubscribesync.localorg.state.SeedSummary;
import com.unsubscribesync.testing.Eventually;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk API 1.0 of the local org, through force-wsc's own BulkConnection over HTTP. */
class BulkApiTest {
    private static final String OPT_OUT = "HasOptedOutOfEmail";
    private LocalOrg org;
    private BulkConnection bulk;

    @BeforeEach
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(300));
        bulk = Clients.bulk(org, org.issueAccessToken());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void batchesGoFromQueuedThroughInProgressToCompletedAndTheClosedJobCountsThem() throws Exception {
        List<String> first = contacts(0, 3);
        List<String> second = contacts(3, 2);
        org.bulkJobs().hold();
        JobInfo job = bulk.createJob(updateJob("Contact"));
        assertThat(job.getState()).isEqualTo(JobStateEnum.Open);
        assertThat(job.getId()).startsWith("750").hasSize(18);
        assertThat(job.getContentType()).isEqualTo(ContentType.CSV);

        BatchInfo one = bulk.createBatchFromStream(job, csv(first, "true"));
        BatchInfo two = bulk.createBatchFromStream(job, csv(second, "true"));
        assertThat(one.getState()).isEqualTo(BatchStateEnum.Queued);
        assertThat(one.getJobId()).isEqualTo(job.getId());
        assertThat(stateOf(job, two))
                .as("the worker is held on the first batch")
                .isEqualTo(BatchStateEnum.Queued);
        Eventually.within(Duration.ofSeconds(2))
                .until(
                        "the worker to pick the first batch up",
                        () -> stateOf(job, one),
                        BatchStateEnum.InProgress::equals);
        assertThat(org.state().read(first.get(0)).optedOut())
                .as("nothing written while held")
                .isFalse();

        JobInfo closed = bulk.closeJob(job.getId());
        assertThat(closed.getState()).isEqualTo(JobStateEnum.Closed);
        org.bulkJobs().release();
        assertThat(org.bulkJobs().awaitIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(bulk.getBatchInfoList(job.getId()).getBatchInfo())
                .extracting(BatchInfo::getState)
                .containsExactly(BatchStateEnum.Completed, BatchStateEnum.Completed);
        List<List<String>> results = results(job, one);
        assertThat(results.get(0)).containsExactly("Id", "Success", "Created", "Error");
        assertThat(results.subList(1, results.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(first);
        assertThat(results.subList(1, results.size()))
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("true"));
        assertThat(org.state().read(second.get(1)).optedOut()).isTrue();
        JobInfo done = bulk.getJobStatus(job.getId());
        assertThat(done.getNumberBatchesCompleted()).isEqualTo(2);
        assertThat(done.getNumberBatchesTotal()).isEqualTo(2);
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(5);
        assertThat(done.getNumberRecordsFailed()).isZero();
        assertThat(done.getObject()).isEqualTo("Contact");
        assertThat(done.getOperation()).isEqualTo(OperationEnum.update);
    }

    @Test
    void everyBulkRequestCountsAsOneApiCall() throws Exception {
        int before = org.apiCallsUsed();
        JobInfo job = bulk.createJob(updateJob("Contact"));
        BatchInfo batch = bulk.createBatchFromStream(job, csv(contacts(0, 2), "true"));
        bulk.closeJob(job.getId());
        org.bulkJobs().awaitIdle(Duration.ofSeconds(20));
        bulk.getBatchInfoList(job.getId());
        bulk.getBatchInfo(job.getId(), batch.getId());
        bulk.getBatchResultStream(job.getId(), batch.getId()).close();
        bulk.getJobStatus(job.getId());
        assertThat(org.apiCallsUsed() - before).isEqualTo(7);
    }

    @Test
    void eachRecordMeetsTheRulesOfTheSoapUpdate() throws Exception {
        SeedSummary seeded = org.state().seeded().orElseThrow();
        List<String> contacts = contacts(0, 3);
        String deleted = contacts.get(1);
        org.state().delete(deleted);
        String unknown = RecordIds.idOf("003", 999_999);
        JobInfo leadJob = bulk.createJob(updateJob("Lead"));
        BatchInfo leads = bulk.createBatchFromStream(leadJob, csv(List.of(seeded.convertedLeadId(), "00Qbad"), "true"));
        JobInfo job = bulk.createJob(updateJob("Contact"));
        BatchInfo batch = bulk.createBatchFromStream(job, csv(List.of(contacts.get(0), deleted, unknown), "true"));
        org.bulkJobs().awaitIdle(Duration.ofSeconds(20));

        List<List<String>> contactRows = results(job, batch);
        assertThat(contactRows.get(1))
                .as("force-wsc reads an empty error as null")
                .containsExactly(contacts.get(0), "true", "false", null);
        assertThat(contactRows.get(2))
                .containsExactly(deleted, "false", "false", "ENTITY_IS_DELETED:entity is deleted:--");
        assertThat(contactRows.get(3).get(3)).startsWith("INVALID_CROSS_REFERENCE_KEY:");
        List<List<String>> leadRows = results(leadJob, leads);
        assertThat(leadRows.get(1).get(3)).startsWith("CANNOT_UPDATE_CONVERTED_LEAD:");
        assertThat(leadRows.get(2).get(3)).startsWith("MALFORMED_ID:");
        assertThat(bulk.getBatchInfo(job.getId(), batch.getId()).getNumberRecordsFailed())
                .isEqualTo(2);

        org.state().setPermission(Permission.EDIT_CONVERTED_LEADS, true);
        org.state().setFieldAccess("Contact", OPT_OUT, FieldAccess.READONLY);
        BatchInfo readOnly = bulk.createBatchFromStream(job, csv(List.of(contacts.get(2)), "true"));
        BatchInfo converted = bulk.createBatchFromStream(leadJob, csv(List.of(seeded.convertedLeadId()), "true"));
        org.bulkJobs().awaitIdle(Duration.ofSeconds(20));
        assertThat(results(job, readOnly).get(1))
                .containsExactly(
                        contacts.get(2),
                        "false",
                        "false",
                        "INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: HasOptedOutOfEmail. Please check the"
                                + " security settings of this field and verify that it is read/write for your profile or"
                                + " permission set.:HasOptedOutOfEmail --");
        assertThat(results(leadJob, converted).get(1).get(1)).isEqualTo("true");
    }

    @Test
    void injectedLockErrorsStrikeRecordsOfABatch() throws Exception {
        org.faults().failRecords("update", "UNABLE_TO_LOCK_ROW", 1.0);
        JobInfo job = bulk.createJob(updateJob("Contact"));
        BatchInfo batch = bulk.createBatchFromStream(job, csv(contacts(0, 2), "true"));
        org.bulkJobs().awaitIdle(Duration.ofSeconds(20));
        assertThat(results(job, batch).subList(1, 3))
                .allSatisfy(row -> assertThat(row.get(3))
                        .isEqualTo("UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--"));
    }

    @Test
    void aBatchOfMoreThanTenThousandRecordsFailsAsAWholeWithSalesforcesMessage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int row = 0; row < 10_001; row++) {
            ids.add(RecordIds.idOf("003", row));
        }
        JobInfo job = bulk.createJob(updateJob("Contact"));
        BatchInfo tooBig = bulk.createBatchFromStream(job, csv(ids, "true"));
        BatchInfo justRight = bulk.createBatchFromStream(job, csv(ids.subList(0, 10_000), "true"));
        org.bulkJobs().awaitIdle(Duration.ofSeconds(30));

        BatchInfo failed = bulk.getBatchInfo(job.getId(), tooBig.getId());
        assertThat(failed.getState()).isEqualTo(BatchStateEnum.Failed);
        assertThat(failed.getStateMessage())
                .isEqualTo("InvalidBatch : Exceeded number of records: 10002. Number of"
                        + " records should be less than or equal to 10001");
        assertThat(bulk.getBatchInfo(job.getId(), justRight.getId()).getState()).isEqualTo(BatchStateEnum.Completed);
        assertThatThrownBy(() -> bulk.getBatchResultStream(job.getId(), tooBig.getId()))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidBatch);
                    assertThat(e.getExceptionMessage()).isEqualTo("Records not processed");
                });
    }

    @Test
    void aColumnThatIsNotAFieldFailsTheBatch() throws Exception {
        JobInfo job = bulk.createJob(updateJob("Contact"));
        BatchInfo batch = bulk.createBatchFromStream(
                job,
                new ByteArrayInputStream(
                        ("Id,NoSuchField__c\n" + contacts(0, 1).get(0) + ",x\n").getBytes(StandardCharsets.UTF_8)));
        org.bulkJobs().awaitIdle(Duration.ofSeconds(20));
        BatchInfo info = bulk.getBatchInfo(job.getId(), batch.getId());
        assertThat(info.getState()).isEqualTo(BatchStateEnum.Failed);
        assertThat(info.getStateMessage()).isEqualTo("InvalidBatch : Field name not found : NoSuchField__c");
    }

    @Test
    void resultsOfAnUnfinishedBatchAndBatchesForAClosedJobAreRefused() throws Exception {
        org.bulkJobs().hold();
        JobInfo job = bulk.createJob(updateJob("Contact"));
        BatchInfo batch = bulk.createBatchFromStream(job, csv(contacts(0, 1), "true"));
        assertThatThrownBy(() -> bulk.getBatchResultStream(job.getId(), batch.getId()))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidBatch));
        bulk.closeJob(job.getId());
        assertThatThrownBy(() -> bulk.createBatchFromStream(job, csv(contacts(1, 1), "true")))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJobState));
        assertThatThrownBy(() -> bulk.getJobStatus("750000000000000AAA"))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob));
        org.bulkJobs().release();
    }

    @Test
    void onlyContactAndLeadUpdateJobsInCsvAreTaken() throws Exception {
        assertThatThrownBy(() -> bulk.createJob(updateJob("Account")))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidEntity);
                    assertThat(e.getExceptionMessage()).isEqualTo("Entity 'Account' is not supported by the Bulk API.");
                });
        JobInfo xml = updateJob("Lead");
        xml.setContentType(ContentType.XML);
        assertThatThrownBy(() -> bulk.createJob(xml))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob));
    }

    @Test
    void anUnknownOrExpiredSessionIsRefusedWithInvalidSessionId() throws Exception {
        BulkConnection stranger = Clients.bulk(org, "00Dnotasession");
        assertThatThrownBy(() -> stranger.createJob(updateJob("Contact")))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId);
                    assertThat(e.getExceptionMessage()).isEqualTo("Invalid session id");
                });
        JobInfo job = bulk.createJob(updateJob("Contact"));
        org.expireSessions();
        int used = org.apiCallsUsed();
        assertThatThrownBy(() -> bulk.getJobStatus(job.getId()))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId));
        assertThat(org.apiCallsUsed()).as("a refused session costs no call").isEqualTo(used);
    }

    @Test
    void anAccessTokenSentAsBearerTheWayDataLoaderSendsItOpensAJobAndWrites() throws Exception {
        BulkConnection dataLoader = Clients.bulk(org, "Bearer " + org.issueAccessToken());
        List<String> ids = contacts(20, 2);
        JobInfo job = dataLoader.createJob(updateJob("Contact"));
        assertThat(job.getState()).isEqualTo(JobStateEnum.Open);
        dataLoader.createBatchFromStream(job, csv(ids, "true"));
        dataLoader.closeJob(job.getId());
        assertThat(org.bulkJobs().awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(org.state().read(ids.get(1)).optedOut()).isTrue();

        BulkConnection stranger = Clients.bulk(org, "Bearer 00Dnotasession");
        assertThatThrownBy(() -> stranger.createJob(updateJob("Contact")))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId));
    }

    @Test
    void theDailyLimitRefusesBulkRequestsWithExceededQuota() throws Exception {
        org.faults().dailyApiLimit(org.apiCallsUsed());
        assertThatThrownBy(() -> bulk.createJob(updateJob("Contact")))
                .isInstanceOfSatisfying(
                        AsyncApiException.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.ExceededQuota));
    }

    @Test
    void aBatchOverTenMegabytesOnceGunzippedIsRefusedAsSalesforceDoesAndATenThousandRowBatchIsNot() throws Exception {
        JobInfo job = bulk.createJob(updateJob("Contact"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(contacts(i % 300, 1).get(0));
        }
        assertThat(bulk.createBatchFromStream(job, csv(many, "true")).getId()).isNotBlank();

        // A few hundred kilobytes on the wire (force-wsc gzips it), eleven megabytes unpacked.
        StringBuilder huge = new StringBuilder("Id," + OPT_OUT + "\n");
        String row = contacts(0, 1).get(0) + ",true\n";
        while (huge.length() <= 11_000_000) {
            huge.append(row);
        }
        assertThatThrownBy(() -> bulk.createBatchFromStream(
                        job, new ByteArrayInputStream(huge.toString().getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(com.sforce.async.AsyncExceptionCode.ClientInputError);
                    assertThat(e.getExceptionMessage())
                            .isEqualTo("Failed to read request. Exceeded max size limit of 10000000");
                });
        assertThat(bulk.getBatchInfoList(job.getId()).getBatchInfo()).hasSize(1);
    }

    private static JobInfo updateJob(String object) {
        JobInfo job = new JobInfo();
        job.setObject(object);
        job.setOperation(OperationEnum.update);
        job.setContentType(ContentType.CSV);
        return job;
    }

    private static List<String> contacts(int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int row = from; row < from + count; row++) {
            ids.add(RecordIds.idOf("003", row));
        }
        return ids;
    }

    private static InputStream csv(List<String> ids, String value) {
        StringBuilder text = new StringBuilder("Id," + OPT_OUT + "\n");
        ids.forEach(id -> text.append(id).append(',').append(value).append('\n'));
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<List<String>> results(JobInfo job, BatchInfo batch) throws AsyncApiException, IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = bulk.getBatchResultStream(job.getId(), batch.getId())) {
            CSVReader reader = new CSVReader(in, "UTF-8");
            for (List<String> row = reader.nextRecord(); row != null; row = reader.nextRecord()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private BatchStateEnum stateOf(JobInfo job, BatchInfo batch) throws AsyncApiException {
        return bulk.getBatchInfo(job.getId(), batch.getId()).getState();
    }
}
