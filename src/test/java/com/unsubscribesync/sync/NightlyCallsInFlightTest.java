package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import com.unsubscribesync.store.SyncRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 2, through the nightly run: Contacts and Leads are read side by side and opt-outs written in
 * parallel batches, as many calls at once as the setting allows, against a local org that answers each call slowly
 * and counts the most it served at once.
 */
class NightlyCallsInFlightTest {
    private static final LatencyProfile SLOW =
            LatencyProfile.parse("queryAll=150ms,queryMore=150ms,update=150ms,default=0ms");

    private final List<Duration> waited = new CopyOnWriteArrayList<>();
    private final List<EngineHarness> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(EngineHarness::close);
    }

    @Test
    void contactsAndLeadsAreReadSideBySide() throws Exception {
        EngineHarness engine = engine(40, 4);
        // Long enough for the second reader to start on a busy machine while the first one's query is served.
        engine.org.latency().use(LatencyProfile.parse("queryAll=600ms,default=0ms"));
        engine.org.latency().atOnce().forget();

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pulled()).isPositive();
        assertThat(engine.org.latency().atOnce().most())
                .as("the two objects' queries in the org at once")
                .isEqualTo(2);
    }

    @Test
    void oneCallInFlightMakesTheRunStrictlySerialWithTheSameResultsAndCallsAsFour() throws Exception {
        List<RunReport> reports = new ArrayList<>();
        List<Integer> mostAtOnce = new ArrayList<>();
        for (int inFlight : List.of(1, 4)) {
            EngineHarness engine = engine(2500, inFlight);
            List<String> contacts = engine.unsubscribedContacts(1000, "in-flight.test");
            engine.org.latency().atOnce().forget();

            reports.add(engine.run());

            mostAtOnce.add(engine.org.latency().atOnce().most());
            assertThat(contacts)
                    .allSatisfy(id -> assertThat(engine.admin().read(id).optedOut())
                            .as(id)
                            .isTrue());
        }
        assertThat(mostAtOnce.get(0)).as("one call in flight").isEqualTo(1);
        assertThat(mostAtOnce.get(1)).as("four calls in flight").isEqualTo(4);
        RunReport serial = reports.get(0);
        RunReport parallel = reports.get(1);
        assertThat(parallel.outcome()).isEqualTo(serial.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(parallel.pulled()).isEqualTo(serial.pulled());
        assertThat(parallel.pushed()).isEqualTo(serial.pushed()).isGreaterThanOrEqualTo(1000);
        assertThat(parallel.imported()).isEqualTo(serial.imported());
        assertThat(parallel.conflicts()).isEqualTo(serial.conflicts());
        assertThat(parallel.apiCalls()).isEqualTo(serial.apiCalls());
    }

    @Test
    void leadsLastBatchGoesBesideTheFirstContactBatchesUpToTheCallsInFlight() throws Exception {
        EngineHarness engine = engine(0, 4);
        List<String> contacts = engine.unsubscribedContacts(500, "side-by-side.test");
        List<String> leads = new ArrayList<>();
        List<Unsubscribe> leadUnsubscribes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = "lead" + i + "@side-by-side.test";
            leads.add(engine.admin().addLead("Lead", "Number " + i, email, "Side by Side Ltd"));
            leadUnsubscribes.add(new Unsubscribe(
                    Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "tester", Optional.empty()));
        }
        engine.unsubscribes.addAll(leadUnsubscribes.iterator());
        // Only the writes are slow, so the most calls at once is the writes' (the reads are two at most).
        engine.org.latency().use(LatencyProfile.parse("update=400ms,default=0ms"));
        engine.org.latency().atOnce().forget();
        Map<String, Long> before = engine.org.partnerCallsByOperation();

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pushed()).isEqualTo(520);
        assertThat(engine.org.latency().atOnce().most())
                .as("the Leads' one batch beside the Contacts' three: four calls in flight")
                .isEqualTo(4);
        assertThat(engine.org.partnerCallsByOperation().get("update") - before.getOrDefault("update", 0L))
                .as("one batch per 200 records of each object, none split further")
                .isEqualTo(1 + 3);
        assertThat(leads)
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
        assertThat(contacts)
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
    }

    @Test
    void aLockErrorInOneOfTheParallelBatchesIsRetriedAloneAfterTheBackOff() throws Exception {
        EngineHarness engine = engine(0, 4);
        List<String> contacts = engine.unsubscribedContacts(1000, "locked.test");
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW@0.02");
        Map<String, Long> before = engine.org.partnerCallsByOperation();

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pushed()).isEqualTo(1000);
        assertThat(report.stillRefused()).isEmpty();
        assertThat(contacts)
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
        assertThat(waited)
                .as("the push's back-off before retrying the locked records")
                .isNotEmpty();
        long updates = engine.org.partnerCallsByOperation().get("update") - before.getOrDefault("update", 0L);
        assertThat(updates)
                .as("five batches, then one call per retry for the few locked records, no batch sent again")
                .isEqualTo(5 + waited.size());
    }

    /** An engine whose connection keeps the setting's calls going at once, on an org that answers slowly. */
    private EngineHarness engine(int people, int callsInFlight) throws Exception {
        EngineHarness engine = EngineHarness.standalone(
                options -> options.withPeople(people).withSeed(23).withLatency(SLOW),
                RealtimePusher.standardRetry(new Random(5)).withSleeper(waited::add),
                EngineHarness.options(),
                Clock.systemUTC());
        engines.add(engine);
        engine.settings(s -> s.withCallsInFlight(callsInFlight));
        return engine;
    }
}
