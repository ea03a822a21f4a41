package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.bulk.BulkJobs;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.RecordIds;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bulk API path of the adapter, through force-wsc's BulkConnection over HTTP against the local org. */
class BulkWritesTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void twentyFiveThousandIdsGoInOneJobOfThreeBatchesInNineRequests() throws Exception {
        try (LocalOrg org = TestOrgs.start(42_000);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = contacts(0, 25_000);
            long calls = connected.records().callsMade();
            int used = org.apiCallsUsed();

            List<WriteOutcome> outcomes = connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, ids, true);

            // create, 3 batches, close, one look at the batch list, 3 results; SOAP would need 125 updates
            assertThat(connected.records().callsMade() - calls).isEqualTo(9);
            assertThat(org.apiCallsUsed() - used).isEqualTo(9);
            assertThat(outcomes).extracting(WriteOutcome::id).containsExactlyElementsOf(ids);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
            assertThat(org.state().read(ids.get(24_999).value()).optedOut()).isTrue();
            BulkJobs.JobView job = org.bulkJobs().jobs().get(0);
            assertThat(job.object()).isEqualTo("Contact");
            assertThat(job.state()).isEqualTo("Closed");
            assertThat(job.batchRecords()).containsExactly(10_000, 10_000, 5_000);
            assertThat(orgs.bulkWaits).containsExactly(Duration.ofMillis(500));
        }
    }

    @Test
    void perRecordFailuresComeBackExactlyAsTheSoapUpdateReportsThem() throws Exception {
        try (LocalOrg org = TestOrgs.start(300);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = new ArrayList<>(contacts(0, 3));
            org.state().delete(ids.get(1).value());
            ids.add(SalesforceId.parse(RecordIds.idOf("003", 999_999)));
            SalesforceId converted =
                    SalesforceId.parse(org.state().seeded().orElseThrow().convertedLeadId());

            assertThat(sameOutcomes(connected, SObjectType.CONTACT, ids))
                    .extracting(WriteOutcome::result)
                    .containsExactly(
                            WriteOutcome.Result.WRITTEN,
                            WriteOutcome.Result.PERMANENT,
                            WriteOutcome.Result.WRITTEN,
                            WriteOutcome.Result.PERMANENT);
            assertThat(sameOutcomes(connected, SObjectType.LEAD, List.of(converted)))
                    .extracting(o -> o.statusCode().orElseThrow())
                    .containsExactly("CANNOT_UPDATE_CONVERTED_LEAD");
            org.faults().failRecords("update", "UNABLE_TO_LOCK_ROW", 1.0);
            assertThat(sameOutcomes(connected, SObjectType.CONTACT, ids.subList(0, 1)))
                    .extracting(WriteOutcome::result)
                    .containsExactly(WriteOutcome.Result.RETRYABLE);
            org.faults().clear();
            org.state().setFieldAccess("Contact", OPT_OUT, FieldAccess.READONLY);
            assertThat(sameOutcomes(connected, SObjectType.CONTACT, ids.subList(2, 3)))
                    .extracting(o -> o.statusCode().orElseThrow())
                    .containsExactly("INVALID_FIELD_FOR_INSERT_UPDATE");
        }
    }

    @Test
    void aBatchThatFailsAsAWholeLeavesItsRecordsRetryableWithSalesforcesReason() throws Exception {
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            List<WriteOutcome> outcomes =
                    connected.bulk().setOptOutInBulk(SObjectType.CONTACT, "NoSuchField__c", contacts(0, 2), true);
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.result()).isEqualTo(WriteOutcome.Result.RETRYABLE);
                assertThat(o.statusCode()).contains("InvalidBatch");
                assertThat(o.message()).contains("InvalidBatch : Field name not found : NoSuchField__c");
            });
        }
    }

    @Test
    void pollingWaitsTwiceAsLongEachTimeUpToItsCap() throws Exception {
        try (LocalOrg org = TestOrgs.start(50)) {
            List<Duration> waits = new ArrayList<>();
            BulkPolling polling = BulkPolling.defaults().withSleeper(delay -> {
                waits.add(delay);
                if (waits.size() == 6) {
                    org.bulkJobs().release();
                    org.bulkJobs().awaitIdle(Duration.ofSeconds(30));
                }
            });
            try (ForceWscOrg connected = orgs.connect(org, orgs.configs(polling), 0)) {
                org.bulkJobs().hold();
                long calls = connected.records().callsMade();
                List<WriteOutcome> outcomes =
                        connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(0, 2), true);
                assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
                assertThat(waits)
                        .containsExactly(
                                Duration.ofMillis(500),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(4),
                                Duration.ofSeconds(8),
                                Duration.ofSeconds(16));
                assertThat(connected.records().callsMade() - calls)
                        .as("create, batch, close, 6 looks, result")
                        .isEqualTo(10);
            }
        }
    }

    @Test
    void theNextJobIsFirstLookedAtAboutWhenTheLastOneWasDone() throws Exception {
        TestClock clock = TestClock.at("2026-05-04T03:00:00Z");
        try (LocalOrg org = TestOrgs.start(50)) {
            List<Duration> waits = new ArrayList<>();
            BulkPolling polling = onTheClock(org, clock, waits, look -> true);
            try (ForceWscOrg connected = orgs.connect(org, orgs.configs(polling), 0)) {
                for (int job = 0; job < 3; job++) {
                    List<WriteOutcome> outcomes =
                            connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(job * 4, 4), true);
                    assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
                }
                // done by 500 ms, taken as 250 ms, looked at a quarter later; then done by 312.5 ms, and so on
                assertThat(waits)
                        .containsExactly(
                                Duration.ofMillis(500), Duration.ofNanos(312_500_000), Duration.ofNanos(195_312_500));
            }
        }
    }

    @Test
    void aJobStillRunningAtItsEarlyFirstLookIsLookedAtAgainTwiceAsLateAndNothingIsLost() throws Exception {
        TestClock clock = TestClock.at("2026-05-04T03:00:00Z");
        try (LocalOrg org = TestOrgs.start(50)) {
            List<Duration> waits = new ArrayList<>();
            BulkPolling polling = onTheClock(org, clock, waits, look -> look != 2);
            try (ForceWscOrg connected = orgs.connect(org, orgs.configs(polling), 0)) {
                connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(0, 4), true);
                org.bulkJobs().hold();
                long calls = connected.records().callsMade();
                List<WriteOutcome> outcomes =
                        connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(4, 4), true);

                assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
                assertThat(waits)
                        .containsExactly(Duration.ofMillis(500), Duration.ofNanos(312_500_000), Duration.ofMillis(625));
                assertThat(connected.records().callsMade() - calls)
                        .as("create, batch, close, 2 looks, result")
                        .isEqualTo(6);
            }
        }
    }

    /** Waits that move the clock on; before each look the org finishes its batches unless {@code done} says not. */
    private static BulkPolling onTheClock(
            LocalOrg org, TestClock clock, List<Duration> waits, java.util.function.IntPredicate done) {
        return new BulkPolling(
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofMinutes(30),
                delay -> {
                    waits.add(delay);
                    clock.advance(delay);
                    if (done.test(waits.size())) {
                        org.bulkJobs().release();
                        org.bulkJobs().awaitIdle(Duration.ofSeconds(30));
                    }
                },
                clock);
    }

    @Test
    void aBatchStillRunningWhenPollingGivesUpIsLeftRetryable() throws Exception {
        TestClock clock = TestClock.at("2026-05-04T03:00:00Z");
        try (LocalOrg org = TestOrgs.start(50)) {
            BulkPolling polling = new BulkPolling(
                    Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(1), clock::advance, clock);
            try (ForceWscOrg connected = orgs.connect(org, orgs.configs(polling), 0)) {
                org.bulkJobs().hold();
                List<WriteOutcome> outcomes =
                        connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(0, 2), true);
                assertThat(outcomes).allSatisfy(o -> {
                    assertThat(o.result()).isEqualTo(WriteOutcome.Result.RETRYABLE);
                    assertThat(o.message())
                            .hasValueSatisfying(m -> assertThat(m).contains("had not finished"));
                });
                assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-04T03:01:00Z"));
            } finally {
                org.bulkJobs().release();
            }
        }
    }

    @Test
    void aSessionThatEndsInTheMiddleOfAJobIsRenewedAndTheJobGoesOn() throws Exception {
        try (LocalOrg org = TestOrgs.start(300);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = contacts(0, 20);
            org.faults().expireSessionEvery(3);
            List<WriteOutcome> outcomes = connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, ids, true);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
            assertThat(org.bulkJobs().jobs())
                    .singleElement()
                    .satisfies(job -> assertThat(job.state()).isEqualTo("Closed"));
        }
    }

    @Test
    void aMaintenancePageOrADroppedLineIsTriedAgainThenReportedUnavailable() throws Exception {
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            org.faults().maintenancePage(1.0);
            assertThatThrownBy(
                            () -> connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(0, 1), true))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE);
                        assertThat(e.statusCode()).contains("HTML_RESPONSE");
                    });
            assertThat(orgs.waits).hasSize(3);
            org.faults().clear().dropConnections(1.0);
            assertThatThrownBy(
                            () -> connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(0, 1), true))
                    .isInstanceOfSatisfying(
                            SalesforceException.class,
                            e -> assertThat(e.statusCode()).contains("CONNECTION_FAILED"));
        }
    }

    @Test
    void theDailyLimitStopsAJobAsItStopsSoapCalls() throws Exception {
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            connected.records().serverTime();
            org.faults().dailyApiLimit(org.apiCallsUsed());
            assertThatThrownBy(
                            () -> connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(0, 1), true))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.API_LIMIT_EXCEEDED);
                        assertThat(e.statusCode()).contains("ExceededQuota");
                    });
        }
    }

    /** Writes the ids through SOAP, then through Bulk, and checks both report the same; returns Bulk's outcomes. */
    private static List<WriteOutcome> sameOutcomes(ForceWscOrg connected, SObjectType type, List<SalesforceId> ids) {
        List<WriteOutcome> soap = connected.records().setOptOut(type, OPT_OUT, ids, true);
        List<WriteOutcome> bulk = connected.bulk().setOptOutInBulk(type, OPT_OUT, ids, true);
        assertThat(bulk).isEqualTo(soap);
        return bulk;
    }

    private static List<SalesforceId> contacts(int from, int count) {
        List<SalesforceId> ids = new ArrayList<>(count);
        for (int row = from; row < from + count; row++) {
            ids.add(SalesforceId.parse(RecordIds.idOf("003", row)));
        }
        return ids;
    }
}
