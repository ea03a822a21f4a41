package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.faults.FaultRule;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.store.SyncRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 5: what the nightly run does with records Salesforce refuses, through force-wsc against the local
 * org and its fault injection. Refusals for now are tried again within the run with the real-time push's back-off
 * and reported per status code when they outlast it; a field turning read-only mid-run is one conflict; a run whose
 * process dies shows what it really pushed.
 */
class NightlyRefusalsTest {
    private final List<Duration> waited = new CopyOnWriteArrayList<>();
    private EngineHarness engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void recordsRefusedWithUnableToLockRowAreRetriedWithinTheRunWithThePushBackOffUntilWritten() throws Exception {
        List<String> contacts = unsubscribedContacts(300);
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW@0.3");

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pushed()).isEqualTo(300);
        assertThat(report.stillRefused()).isEmpty();
        assertThat(report.message()).isEmpty();
        assertThat(contacts)
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
        assertThat(waited)
                .as("the push's back-off: 2 s doubling, with jitter")
                .isNotEmpty()
                .first()
                .satisfies(first -> assertThat(first).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(engine.conflicts.open(Optional.empty(), 10))
                .as("a lock is no conflict")
                .isEmpty();
    }

    @Test
    void recordsStillRefusedAfterTheRetriesAreReportedPerStatusCodeAndTheRunSaysSo() throws Exception {
        List<String> contacts = unsubscribedContacts(250);
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW");
        Map<String, Long> before = engine.org.partnerCallsByOperation();

        RunReport report = engine.run();

        assertThat(report.pushed()).isZero();
        assertThat(report.stillRefused()).containsExactlyEntriesOf(Map.of("UNABLE_TO_LOCK_ROW", 250));
        assertThat(report.message())
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("250 records were still refused after 10 attempts (UNABLE_TO_LOCK_ROW: 250)")
                        .contains("next run")
                        .doesNotContain("\n"));
        assertThat(engine.org.partnerCallsByOperation().get("update") - before.getOrDefault("update", 0L))
                .as("two batches, each tried ten times in all")
                .isEqualTo(20);
        assertThat(waited)
                .as("nine waits between ten tries, longer each time up to the cap")
                .hasSizeGreaterThanOrEqualTo(9);
        SyncRun run = engine.runs.last().orElseThrow();
        assertThat(run.message()).as("sync history and the console show it").isEqualTo(report.message());

        engine.org.faults().clear();
        RunReport next = engine.run();

        assertThat(next.pushed()).as("the next run tries them again").isEqualTo(250);
        assertThat(next.stillRefused()).isEmpty();
        assertThat(contacts)
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
    }

    @Test
    void aFieldTurningReadOnlyMidRunIsOneFieldUnavailableConflictNotOnePerRecord() throws Exception {
        List<String> contacts = unsubscribedContacts(456);
        // One batch of 200 a write, so the field turns read-only before the second is sent.
        engine.settings(s -> s.withCallsInFlight(1));

        RunReport report = engine.nightly.run(
                new RunRequest(SyncRun.Trigger.RUN_NOW, false, false),
                new AtWrite(
                        1,
                        () -> engine.org
                                .faults()
                                .apply(new FaultRule.FieldSecurityRule(
                                        "Contact", "HasOptedOutOfEmail", FieldAccess.READONLY))));

        assertThat(report.pushed()).isZero();
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(engine.conflicts.open(Optional.empty(), 1000))
                .singleElement()
                .satisfies(conflict -> {
                    assertThat(conflict.kind()).isEqualTo(ConflictKind.FIELD_UNAVAILABLE);
                    assertThat(conflict.objectType()).contains(SObjectType.CONTACT);
                });
        assertThat(report.message())
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("became unusable on Contact")
                        .contains("456 opt-outs wait"));
        assertThat(engine.org.partnerCallsByOperation().get("update"))
                .as("the rest of Contact is not tried")
                .isEqualTo(1);

        engine.org.faults().clear();
        RunReport next = engine.run();

        assertThat(next.pushed()).isEqualTo(456);
        assertThat(contacts)
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
    }

    @Test
    void aRunWhoseProcessDiesMidPushShowsWhatItReallyPushedOnceTheNextRunClosesIt() throws Exception {
        unsubscribedContacts(1200);
        // One batch of 200 a write, so that the process dies after three of them.
        engine.settings(s -> s.withBulkThreshold(5_000).withCallsInFlight(1));

        Throwable died = catchThrowable(
                () -> engine.nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), new AtWrite(4, () -> {
                    throw new ProcessDied();
                })));

        assertThat(died).isInstanceOf(ProcessDied.class);
        assertThat(engine.runs.last()).hasValueSatisfying(run -> {
            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.RUNNING);
            assertThat(run.counts().pushed())
                    .as("three batches of 200 were written")
                    .isEqualTo(600);
        });
        long abandoned = engine.runs.last().orElseThrow().id();

        RunReport next = engine.run();

        assertThat(next.pushed()).isEqualTo(600);
        SyncRun closed = engine.runs.recent(10, false).stream()
                .filter(run -> run.id() == abandoned)
                .findFirst()
                .orElseThrow();
        assertThat(closed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
        assertThat(closed.counts().pushed()).as("what it really did, not 0").isEqualTo(600);
        assertThat(closed.counts().pulled()).isEqualTo(1200);
        assertThat(closed.counts().apiCalls()).isPositive();
    }

    /** An engine whose nightly run and push share the push's retry policy, with waits recorded, not slept. */
    private List<String> unsubscribedContacts(int count) throws Exception {
        engine = EngineHarness.standalone(
                options -> options.withPeople(0).withSeed(11),
                RealtimePusher.standardRetry(new Random(5)).withSleeper(waited::add),
                EngineHarness.options(),
                java.time.Clock.systemUTC());
        return engine.unsubscribedContacts(count, "nightly.test");
    }

    /** Does something once, as the run is about to write its {@code write}-th batch. */
    private static final class AtWrite implements RunProgress {
        private final int write;
        private final Runnable action;
        private int writes;

        AtWrite(int write, Runnable action) {
            this.write = write;
            this.action = action;
        }

        @Override
        public void update(String phase, long done, long total) {
            if (phase.startsWith("Setting opt-outs") && ++writes == write) {
                action.run();
            }
        }
    }

    /** Stands in for a SIGKILL: nothing of the run's own code runs after it, not even its failure handling. */
    private static final class ProcessDied extends Error {
        private static final long serialVersionUID = 1L;
    }
}
