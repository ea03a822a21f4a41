package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.store.Fence;
import com.unsubscribesync.store.RunLock;
import com.unsubscribesync.store.SyncRun;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 18: a nightly run on a node that stood still past its lease, while another node's run took over. */
class RunTakenOverTest {
    @Test
    void aRunThatLostTheLockWhilePausedImportsNothingAndIsRecordedAsFailed() throws Exception {
        try (EngineHarness engine = EngineHarness.onFreshOrg()) {
            String contact = engine.admin().addContact("Pat", "Paused", "pat.paused@acme.test");
            engine.admin().setOptedOut(contact, true);
            RunLock sameLock = new RunLock(engine.database, "nightly");
            RunProgress pausedBeforeImporting = (phase, done, total) -> {
                if (phase.startsWith("Importing")) {
                    // An hour later by the other node's clock, this run's lease has long lapsed.
                    assertThat(sameLock.tryAcquire(
                                    "run-on-another-node",
                                    Duration.ofMinutes(10),
                                    Instant.now().plus(Duration.ofHours(1))))
                            .isTrue();
                }
            };

            Throwable refused = catchThrowable(() ->
                    engine.nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), pausedBeforeImporting));

            assertThat(refused).isInstanceOf(Fence.LeaseLostException.class);
            assertThat(engine.unsubscribes.find(Email.parse("pat.paused@acme.test")))
                    .isEmpty();
            assertThat(engine.runs.last()).hasValueSatisfying(run -> {
                assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
                assertThat(run.message())
                        .hasValueSatisfying(message -> assertThat(message).contains("Another sync run took over"));
            });
        }
    }
}
