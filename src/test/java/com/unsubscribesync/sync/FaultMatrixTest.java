package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.faults.FaultRule;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.store.OutboxEntry;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The nightly run and the real-time pusher against each fault the local org injects: each ends in a stated state,
 * loses nothing (every unsubscribe is opted out in the org or still waiting), keeps its retries capped, and the next
 * try without the fault finishes the work.
 */
class FaultMatrixTest {
    private static final int CONTACTS = 260;
    private static final int LEADS = 20;
    private static final int CALL_ATTEMPTS = 4;
    private static final int PUSH_ATTEMPTS = 10;
    private static final Duration BETWEEN_PASSES = Duration.ofMinutes(61);
    private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

    private final TestClock clock = TestClock.at(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final RetryLog waits = new RetryLog();
    private final Map<String, String> addressOf = new HashMap<>();
    private EngineHarness engine;

    @BeforeEach
    void unsubscribeEveryoneHere() throws Exception {
        RetryPolicy calls = waits.policy(CALL_ATTEMPTS, Duration.ofMillis(50), 3);
        ConnectionOptions connection =
                new ConnectionOptions(Duration.ofSeconds(5), Duration.ofMillis(1500), "FaultMatrixTest/1", calls);
        RetryPolicy pushes = new RetryPolicy(
                PUSH_ATTEMPTS, Duration.ofSeconds(2), Duration.ofMinutes(15), delay -> {}, new Random(5));
        engine = EngineHarness.standalone(options -> options.withPeople(0).withSeed(17), pushes, connection, clock);
        List<Unsubscribe> unsubscribes = new ArrayList<>();
        for (int i = 0; i < CONTACTS + LEADS; i++) {
            String email = (i < CONTACTS ? "contact" : "lead") + i + "@fault.test";
            String id = i < CONTACTS
                    ? engine.admin().addContact("C", "N" + i, email)
                    : engine.admin().addLead("L", "N" + i, email, "Acme");
            addressOf.put(id, email);
            unsubscribes.add(new Unsubscribe(
                    Email.parse(email), clock.instant(), UnsubscribeSource.CLICKED_LINK, "intake", Optional.empty()));
        }
        engine.unsubscribes.addAll(unsubscribes.iterator());
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    /** What the org does wrong, and when it starts: before the work, or once the run starts writing. */
    enum Fault {
        LOCK_ERRORS_AT_20_PERCENT(false),
        SESSION_EXPIRY_EVERY_50_CALLS(false),
        HTML_503_PAGES(false),
        MAINTENANCE_ALL_ALONG(false),
        DROPPED_CONNECTIONS(false),
        LATENCY_SPIKE(true),
        DAILY_API_LIMIT_MID_RUN(true),
        FIELD_READ_ONLY_MID_RUN(true);

        final boolean whileWriting;

        Fault(boolean whileWriting) {
            this.whileWriting = whileWriting;
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void nightlyRunEndsInAStatedStateLosesNothingAndTheNextRunFinishes(Fault fault) {
        engine.outbox.remove(
                "a node that pushed them",
                engine.outbox.claim("a node that pushed them", FAR_FUTURE, RealtimePusher.CLAIM_LEASE, 10_000).stream()
                        .map(OutboxEntry::id)
                        .toList());
        String sessionBefore = engine.connected.session().sessionId();
        if (!fault.whileWriting) {
            inject(fault);
        }

        Throwable thrown = catchThrowable(() -> engine.nightly.run(
                new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), new InjectAtFirstWrite(fault)));

        SyncRun run = engine.runs.last().orElseThrow();
        assertThat(run.outcome()).as("%s: %s", fault, run.message()).isIn(expectedOutcomes(fault));
        if (run.outcome() != SyncRun.Outcome.SUCCEEDED) {
            assertThat(run.message())
                    .as("the run says why")
                    .hasValueSatisfying(message -> assertThat(message)
                            .doesNotContain("\n")
                            .doesNotContain("Exception")
                            .endsWith("."));
        }
        assertThat(thrown == null).as("only a failed run throws").isEqualTo(run.outcome() != SyncRun.Outcome.FAILED);
        assertThat(waits.mostTriesOfOneCall()).as("tries of one call").isLessThanOrEqualTo(CALL_ATTEMPTS);
        checkFaultSpecifics(fault, run, sessionBefore);
        assertThat(engine.unsubscribes.count()).as("nothing lost here").isEqualTo(CONTACTS + LEADS);

        clearFaults();
        RunReport next = engine.run();

        assertThat(next.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(notOptedOut()).as("left undone after the next run").isEmpty();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .as("refusals the next run wrote after all")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void realtimePushKeepsWhatItCannotWriteAndFinishesOnceTheFaultIsGone(Fault fault) {
        engine.fields.check(engine.salesforce, engine.settings.load().realtimePushField(), engine.settings.load());
        inject(fault);

        for (int pass = 0; pass < 3 && engine.outbox.pendingCount() > 0; pass++) {
            engine.pusher.drainOnce();
            engine.outbox
                    .nextDue()
                    .ifPresent(next -> assertThat(next)
                            .as("capped back-off")
                            .isBeforeOrEqualTo(clock.instant().plus(Duration.ofHours(1))));
            clock.advance(BETWEEN_PASSES);
        }

        assertThat(waits.mostTriesOfOneCall()).as("tries of one call").isLessThanOrEqualTo(CALL_ATTEMPTS);
        assertThat(engine.outbox.due(FAR_FUTURE, 10_000))
                .allSatisfy(entry -> assertThat(entry.attempts()).isLessThan(PUSH_ATTEMPTS));
        Set<String> waiting = engine.outbox.due(FAR_FUTURE, 10_000).stream()
                .map(e -> e.email().value())
                .collect(Collectors.toSet());
        assertThat(notOptedOut())
                .as("neither opted out in Salesforce nor waiting in the outbox")
                .allSatisfy(email -> assertThat(waiting).contains(email));

        clearFaults();
        for (int pass = 0; pass < 3 && engine.outbox.pendingCount() > 0; pass++) {
            engine.pusher.drain();
            clock.advance(BETWEEN_PASSES);
        }

        assertThat(engine.outbox.pendingCount()).isZero();
        assertThat(notOptedOut()).as("left undone once the fault is gone").isEmpty();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .as("no opt-out given up")
                .isEmpty();
        if (fault == Fault.FIELD_READ_ONLY_MID_RUN) {
            assertThat(engine.conflicts.open(Optional.of(ConflictKind.FIELD_UNAVAILABLE), 10))
                    .as("the admin was told")
                    .isNotEmpty();
        }
    }

    private static Set<SyncRun.Outcome> expectedOutcomes(Fault fault) {
        return switch (fault) {
            case LOCK_ERRORS_AT_20_PERCENT, SESSION_EXPIRY_EVERY_50_CALLS, LATENCY_SPIKE, FIELD_READ_ONLY_MID_RUN ->
                Set.of(SyncRun.Outcome.SUCCEEDED);
            case HTML_503_PAGES, DROPPED_CONNECTIONS -> Set.of(SyncRun.Outcome.SUCCEEDED, SyncRun.Outcome.FAILED);
            case MAINTENANCE_ALL_ALONG -> Set.of(SyncRun.Outcome.FAILED);
            case DAILY_API_LIMIT_MID_RUN -> Set.of(SyncRun.Outcome.STOPPED);
        };
    }

    private void checkFaultSpecifics(Fault fault, SyncRun run, String sessionBefore) {
        switch (fault) {
            case SESSION_EXPIRY_EVERY_50_CALLS ->
                assertThat(engine.connected.session().sessionId())
                        .as("renewed during the run")
                        .isNotEqualTo(sessionBefore);
            case MAINTENANCE_ALL_ALONG -> {
                assertThat(waits.mostTriesOfOneCall()).isEqualTo(CALL_ATTEMPTS);
                assertThat(run.message()).hasValueSatisfying(m -> assertThat(m).contains("web page"));
            }
            case LATENCY_SPIKE ->
                // Each call in flight when the spike began times out at least once; two waits end the spike.
                assertThat(waits.waits())
                        .as("timeouts waited out before the spike was over")
                        .isGreaterThanOrEqualTo(2);
            case DAILY_API_LIMIT_MID_RUN -> {
                assertThat(run.counts().pushed()).as("some went through").isBetween(1, CONTACTS + LEADS - 1);
                assertThat(run.message()).hasValueSatisfying(m -> assertThat(m).contains("API allowance"));
            }
            default -> {}
        }
    }

    private void inject(Fault fault) {
        switch (fault) {
            case LOCK_ERRORS_AT_20_PERCENT -> engine.org.faults().failRecords("update", "UNABLE_TO_LOCK_ROW", 0.2);
            case SESSION_EXPIRY_EVERY_50_CALLS -> {
                engine.org.faults().expireSessionEvery(50);
                for (int i = 0; i < 47; i++) {
                    engine.salesforce.serverTime();
                }
            }
            case HTML_503_PAGES -> engine.org.faults().maintenancePage(0.3);
            case MAINTENANCE_ALL_ALONG -> engine.org.faults().maintenancePage(1.0);
            case DROPPED_CONNECTIONS -> engine.org.faults().dropConnections(0.3);
            case LATENCY_SPIKE -> {
                engine.org.faults().latency(Duration.ofSeconds(3));
                waits.onWait(() -> {
                    if (waits.waits() >= 2) {
                        engine.org.faults().latency(Duration.ZERO);
                    }
                });
            }
            // Fewer calls left than the first writes need at once, whether they go one by one or side by side.
            case DAILY_API_LIMIT_MID_RUN -> engine.org.faults().dailyApiLimit(engine.org.apiCallsUsed() + 2);
            case FIELD_READ_ONLY_MID_RUN -> {
                for (String object : List.of("Contact", "Lead")) {
                    engine.org
                            .faults()
                            .apply(new FaultRule.FieldSecurityRule(object, "HasOptedOutOfEmail", FieldAccess.READONLY));
                }
            }
        }
    }

    /** Starts a fault that strikes mid-run once the run starts writing. */
    private final class InjectAtFirstWrite implements RunProgress {
        private final Fault fault;
        private boolean injected;

        InjectAtFirstWrite(Fault fault) {
            this.fault = fault;
        }

        @Override
        public void update(String phase, long done, long total) {
            if (fault.whileWriting && !injected && phase.startsWith("Setting opt-outs")) {
                injected = true;
                inject(fault);
            }
        }
    }

    private void clearFaults() {
        engine.org.faults().clear().dailyApiLimit(100_000);
        waits.onWait(() -> {});
        clock.advance(Duration.ofMinutes(11));
    }

    /** The addresses with a record whose Email Opt Out is still false. */
    private List<String> notOptedOut() {
        return addressOf.entrySet().stream()
                .filter(e -> !engine.admin().read(e.getKey()).optedOut())
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
    }
}
