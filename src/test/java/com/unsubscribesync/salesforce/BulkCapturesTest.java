package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk API 1.0 answers of real orgs, replayed to force-wsc's BulkConnection and through the app's Bulk push. */
class BulkCapturesTest {
    private static final SalesforceId CONTACT = SalesforceId.parse("003xx000004TmiQAAS");

    @RegisterExtension
    final Replay replay = new Replay();

    @Test
    void aRealNewJobAnswerIsReadWithEveryFieldTheClientKnows() throws Exception {
        replay.server().thenCapture("bulk-jobinfo-open.xml");
        BulkConnection bulk =
                new BulkConnection(replay.orgs().configs().bulk(replay.orgs().session(0)));
        JobInfo wanted = new JobInfo();
        wanted.setObject("Contact");
        wanted.setOperation(OperationEnum.update);
        wanted.setContentType(ContentType.CSV);
        JobInfo job = bulk.createJob(wanted);

        assertThat(job.getId()).isEqualTo("7503z00000WDQ4SAAX");
        assertThat(job.getOperation()).isEqualTo(OperationEnum.update);
        assertThat(job.getState()).isEqualTo(JobStateEnum.Open);
        assertThat(job.getConcurrencyMode()).isEqualTo(ConcurrencyMode.Parallel);
        assertThat(job.getContentType()).isEqualTo(ContentType.CSV);
        assertThat(job.getApiVersion()).isEqualTo(50.0);
        assertThat(job.getCreatedDate().toInstant()).isEqualTo(Instant.parse("2020-06-22T07:23:32Z"));
        assertThat(replay.server().requests().get(0).path())
                .contains("/services/async/" + ConnectorConfigs.API_VERSION + "/job");
    }

    @Test
    void realBatchAnswersAreReadFromQueuedToCompleted() throws Exception {
        replay.server().thenCapture("bulk-batchinfo-queued.xml").thenCapture("bulk-batchinfo-completed.xml");
        BulkConnection bulk =
                new BulkConnection(replay.orgs().configs().bulk(replay.orgs().session(0)));
        JobInfo job = new JobInfo();
        job.setId("7503z00000WDQ4SAAX");
        job.setContentType(ContentType.CSV);
        BatchInfo queued = bulk.createBatchFromStream(
                job, new ByteArrayInputStream("Id,HasOptedOutOfEmail\n".getBytes(StandardCharsets.UTF_8)));
        BatchInfo completed = bulk.getBatchInfo(job.getId(), queued.getId());

        assertThat(queued.getState()).isEqualTo(BatchStateEnum.Queued);
        assertThat(queued.getJobId()).isEqualTo("7503z00000WDQ4SAAX");
        assertThat(completed.getState()).isEqualTo(BatchStateEnum.Completed);
        assertThat(completed.getNumberRecordsProcessed()).isEqualTo(1);
        assertThat(completed.getTotalProcessingTime()).isEqualTo(226);
    }

    @Test
    void aBulkPushAnsweredByARealOrgConfirmsTheRecordFromTheResultFile() {
        replay.server()
                .thenCapture("bulk-jobinfo-open.xml")
                .thenCapture("bulk-batchinfo-queued.xml")
                .thenCapture("bulk-jobinfo-open.xml")
                .then(batchList("bulk-batchinfo-completed.xml"))
                .thenCapture("bulk-result-success.csv");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            List<WriteOutcome> outcomes = connected
                    .bulk()
                    .setOptOutInBulk(SObjectType.CONTACT, OptOutField.EMAIL_OPT_OUT_API_NAME, List.of(CONTACT), true);

            assertThat(outcomes).containsExactly(WriteOutcome.written(CONTACT));
            assertThat(replay.server().unanswered()).isZero();
            assertThat(replay.server().requestsUnderTest())
                    .extracting(ReplayServer.Request::path)
                    .last()
                    .asString()
                    .endsWith("/job/7503z00000WDQ4SAAX/batch/7513z00000Wgd6AAAR/result");
        }
    }

    @Test
    void aBatchARealOrgFailedAsAWholeLeavesItsRecordsToRetryWithSalesforcesReason() {
        replay.server()
                .thenCapture("bulk-jobinfo-open.xml")
                .thenCapture("bulk-batchinfo-failed.xml")
                .thenCapture("bulk-jobinfo-open.xml")
                .then(batchList("bulk-batchinfo-failed.xml"));
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            List<WriteOutcome> outcomes = connected
                    .bulk()
                    .setOptOutInBulk(SObjectType.CONTACT, OptOutField.EMAIL_OPT_OUT_API_NAME, List.of(CONTACT), true);

            assertThat(outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.RETRYABLE);
                assertThat(outcome.statusCode()).contains("InvalidBatch");
                assertThat(outcome.message()).contains("InvalidBatch : Field name not found : An_Awesome_Field__c");
            });
        }
    }

    /**
     * A batch list holding one captured batchInfo. The list element around it is ours: no licensed capture of a
     * batchInfoList with a batch in it was found; the batchInfo inside is the capture, unchanged.
     */
    private static ReplayServer.Answer batchList(String batchCapture) {
        String batch = Captures.answer(batchCapture)
                .replaceFirst("^<\\?xml[^>]*\\?>", "")
                .replaceFirst("<batchInfo\\s+xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\">", "<batchInfo>");
        return new ReplayServer.Answer(
                200,
                "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<batchInfoList xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\">" + batch.strip()
                        + "</batchInfoList>");
    }
}
