package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 2: update batches go as many at once as the setting "calls in flight" allows, through force-wsc
 * against the local org, which answers each call slowly and counts the most it served at once.
 */
class CallsInFlightTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    /** Every update held long enough for calls sent together to meet in the org. */
    private static final LatencyProfile SLOW_UPDATES = LatencyProfile.parse("update=300ms,default=0ms");

    private final TestOrgs orgs = new TestOrgs();

    @Test
    void eightBatchesWithFourInFlightMeetFourAtATimeInTheOrgAndComeBackInTheOrderOfTheIds() throws Exception {
        try (LocalOrg org = start(4000, SLOW_UPDATES);
                ForceWscOrg connected = orgs.connect(org, orgs.configs(), 0, 4)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 1600);
            Map<String, Long> before = org.partnerCallsByOperation();
            org.latency().atOnce().forget();

            List<WriteOutcome> outcomes = connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true);

            assertThat(org.latency().atOnce().most())
                    .as("updates served at once")
                    .isEqualTo(4);
            assertThat(updates(org, before)).isEqualTo(8);
            assertThat(outcomes).extracting(WriteOutcome::id).containsExactlyElementsOf(ids);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
        }
    }

    @Test
    void oneCallInFlightSendsTheBatchesStrictlyOneAfterAnother() throws Exception {
        try (LocalOrg org = start(2000, SLOW_UPDATES);
                ForceWscOrg connected = orgs.connect(org, orgs.configs(), 0, 1)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 800);
            org.latency().atOnce().forget();

            connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true);

            assertThat(org.latency().atOnce().most()).isEqualTo(1);
        }
    }

    @Test
    void batchesInParallelGiveTheSerialOutcomesForTheSameCalls() throws Exception {
        List<List<WriteOutcome>> outcomes = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        for (int inFlight : List.of(1, 5)) {
            try (LocalOrg org = start(2000, LatencyProfile.zero());
                    ForceWscOrg connected = orgs.connect(org, orgs.configs(), 0, inFlight)) {
                List<SalesforceId> ids = new ArrayList<>(TestOrgs.contacts(connected, 900));
                // Refused for good, in the middle of batches: a converted lead and a deleted contact.
                ids.add(
                        450,
                        SalesforceId.parse(org.state().seeded().orElseThrow().convertedLeadId()));
                org.state().delete(ids.get(700).value());
                long before = connected.records().callsMade();
                outcomes.add(connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true));
                calls.add(connected.records().callsMade() - before);
            }
        }
        assertThat(outcomes.get(1)).containsExactlyElementsOf(outcomes.get(0));
        assertThat(outcomes.get(0))
                .filteredOn(o -> o.result() == WriteOutcome.Result.PERMANENT)
                .hasSize(2);
        assertThat(calls).containsExactly(5L, 5L);
    }

    @Test
    void aLockedRecordInOneOfTheParallelBatchesComesBackRetryableAndNoBatchIsSentTwice() throws Exception {
        try (LocalOrg org = start(2000, SLOW_UPDATES);
                ForceWscOrg connected = orgs.connect(org, orgs.configs(), 0, 4)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 1000);
            org.faults().failRecords("update", "UNABLE_TO_LOCK_ROW", 0.02);
            Map<String, Long> before = org.partnerCallsByOperation();

            List<WriteOutcome> outcomes = connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true);

            assertThat(updates(org, before)).as("one call per batch of 200").isEqualTo(5);
            assertThat(outcomes).extracting(WriteOutcome::id).containsExactlyElementsOf(ids);
            assertThat(outcomes)
                    .filteredOn(o -> o.result() == WriteOutcome.Result.RETRYABLE)
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(o.statusCode()).contains("UNABLE_TO_LOCK_ROW"));
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(org.state().read(o.id().value()).optedOut())
                            .as(o.id().value())
                            .isEqualTo(o.result() == WriteOutcome.Result.WRITTEN));
        }
    }

    /**
     * Two pages each of Contacts and Leads, and three calls left above the reserve. After their first pages both
     * pulls find their one page more fits, unaware of each other; checked again as each call goes, counting the
     * calls going, the second of them is refused instead of spending the reserve.
     */
    @Test
    void pullsSideBySideNeverSpendTheReserveThoughEachAloneFitsIt() throws Exception {
        try (LocalOrg org = start(6_000, LatencyProfile.parse("queryAll=200ms,queryMore=200ms,default=0ms"));
                ForceWscOrg connected = orgs.connect(org, orgs.configs(), 50, 4)) {
            connected.records().serverTime();
            long used = connected.records().apiUsage().orElseThrow().used();
            // Half is kept in reserve; after the next call three calls are left above it.
            int limit = Math.toIntExact(2 * (used + 1 + 3));
            org.faults().dailyApiLimit(limit);
            connected.records().serverTime();
            assertThat(connected.records().apiUsage().orElseThrow().callsAboveReserve(50))
                    .isEqualTo(3);

            List<CompletableFuture<Void>> pulls = new ArrayList<>();
            for (SObjectType type : List.of(SObjectType.CONTACT, SObjectType.LEAD)) {
                pulls.add(CompletableFuture.runAsync(
                        () -> connected.records().pullChanged(type, OPT_OUT, Optional.empty(), rows -> {})));
            }
            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Void> pull : pulls) {
                try {
                    pull.join();
                } catch (CompletionException e) {
                    failures.add(e.getCause());
                }
            }

            assertThat(org.apiCallsUsed()).as("calls the org counted").isLessThanOrEqualTo(limit / 2);
            assertThat(failures)
                    .isNotEmpty()
                    .allSatisfy(failure -> assertThat(((SalesforceException) failure).statusCode())
                            .contains(ForceWscOrg.RESERVE_REACHED));
        }
    }

    private static LocalOrg start(int people, LatencyProfile latency) throws Exception {
        return LocalOrg.start(LocalOrgOptions.defaults().withPeople(people).withLatency(latency));
    }

    private static long updates(LocalOrg org, Map<String, Long> before) {
        return org.partnerCallsByOperation().getOrDefault("update", 0L) - before.getOrDefault("update", 0L);
    }
}
