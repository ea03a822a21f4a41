package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.testing.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The nightly run's watermark against an org that stores change times to the second, as Salesforce does: nothing
 * changed after a run's watermark is lost by the next run, even in the watermark's own second.
 */
class IncrementalWatermarkTest {

    @Test
    void aSalesforceOptOutMadeInTheSameSecondAsTheRunsWatermarkIsImportedByTheNextRun() throws Exception {
        TestClock orgClock = TestClock.at("2026-03-02T10:00:05.200Z");
        try (EngineHarness engine = EngineHarness.standalone(
                options -> options.withClock(orgClock),
                RealtimePusher.standardRetry(new Random(7)),
                EngineHarness.options(),
                Clock.systemUTC())) {
            String contact = engine.admin().addContact("Sam", "Second", "same.second@acme.test");

            RunReport first = engine.run();
            assertThat(first.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(engine.runs.lastWatermark()).contains(Instant.parse("2026-03-02T10:00:05.200Z"));
            assertThat(engine.unsubscribes.find(Email.parse("same.second@acme.test")))
                    .isEmpty();

            orgClock.set(Instant.parse("2026-03-02T10:00:05.900Z"));
            engine.admin().setOptedOut(contact, true);
            assertThat(engine.admin().read(contact).lastModified())
                    .as("Salesforce stores the change in the watermark's own second")
                    .isEqualTo(Instant.parse("2026-03-02T10:00:05Z"));
            orgClock.set(Instant.parse("2026-03-02T10:30:00Z"));

            RunReport second = engine.run();
            assertThat(second.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            assertThat(second.imported()).isEqualTo(1);
            assertThat(engine.unsubscribes.find(Email.parse("same.second@acme.test")))
                    .isPresent();

            RunReport third = engine.run();
            assertThat(third.imported())
                    .as("reading the boundary again imports nothing twice")
                    .isZero();
        }
    }
}
