package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SyncRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admins keep working while the engine does: adds, imports and resubscribes during a nightly run and a real-time
 * burst lose nothing and wait only boundedly, and two runs started together run one at a time.
 */
class ConcurrentWorkTest {
    private static final int PEOPLE = 1_500;

    @TempDir
    Path data;

    @Test
    void addsAndImportsDuringANightlyRunAndABurstAreAllKeptAndPushed() throws Exception {
        try (LocalOrg org = EngineHarness.startOrg(o -> o.withPeople(10).withFaults("latency:2ms"));
                Database database = Database.openFile(data);
                EngineHarness engine = new EngineHarness(org, database)) {
            List<Email> addresses = new ArrayList<>();
            List<String> records = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                Email email = new Email("busy" + i + "@example.com");
                addresses.add(email);
                records.add(org.state().addContact("Busy", "Person " + i, email.value()));
            }
            engine.unsubscribe("busy0@example.com");
            engine.run();

            ExecutorService work = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            running.add(work.submit(() -> {
                go.await();
                return engine.nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, true), RunProgress.SILENT);
            }));
            running.add(work.submit(() -> {
                go.await();
                for (int i = 1; i < 300; i++) {
                    engine.unsubscribe("busy" + i + "@example.com");
                }
                return null;
            }));
            running.add(work.submit(() -> {
                go.await();
                // An import: one batch of a thousand rows, some already present.
                return engine.unsubscribes.addAll(IntStream.range(200, 1_200)
                        .mapToObj(i -> new Unsubscribe(
                                addresses.get(i), Instant.now(), UnsubscribeSource.IMPORT, "import", Optional.empty()))
                        .iterator());
            }));
            running.add(work.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    engine.pusher.drain();
                    // Drains spread over the other work's time, as serve's would be: the pace of the scenario.
                    Thread.sleep(50);
                }
                return null;
            }));
            go.countDown();
            for (Future<?> task : running) {
                task.get(120, TimeUnit.SECONDS);
            }
            work.shutdown();

            engine.pusher.drain();
            engine.run();
            for (int i = 0; i < 1_200; i++) {
                assertThat(engine.unsubscribes.isUnsubscribed(addresses.get(i)))
                        .as("%s kept", addresses.get(i))
                        .isTrue();
                assertThat(org.state().read(records.get(i)).optedOut())
                        .as("%s opted out", records.get(i))
                        .isTrue();
            }
            for (int i = 1_200; i < PEOPLE; i++) {
                assertThat(org.state().read(records.get(i)).optedOut())
                        .as("%s left alone", records.get(i))
                        .isFalse();
            }
            assertThat(engine.outbox.pendingCount()).isZero();
            assertThat(org.state().optOutsClearedByApi()).isZero();
        }
    }

    @Test
    void twoRunsStartedTogetherFromTwoConnectionsRunOneAtATime() throws Exception {
        try (LocalOrg org = EngineHarness.startOrg(o -> o.withPeople(600).withFaults("latency:5ms"));
                Database first = Database.openFile(data);
                Database second = Database.openFile(data);
                EngineHarness one = new EngineHarness(org, first);
                EngineHarness other = new EngineHarness(org, second)) {
            ExecutorService work = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (EngineHarness engine : List.of(one, other)) {
                outcomes.add(work.submit(() -> {
                    go.await();
                    try {
                        return engine.run().outcome().name();
                    } catch (NightlySync.AlreadyRunning e) {
                        return "ALREADY_RUNNING";
                    }
                }));
            }
            go.countDown();
            List<String> seen = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                seen.add(outcome.get(120, TimeUnit.SECONDS));
            }
            work.shutdown();

            assertThat(seen).containsExactlyInAnyOrder("SUCCEEDED", "ALREADY_RUNNING");
            assertThat(one.runs.recent(10, false))
                    .singleElement()
                    .satisfies(run -> assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED));
            assertThat(one.run().outcome())
                    .as("the lock is free again afterwards")
                    .isEqualTo(SyncRun.Outcome.SUCCEEDED);
        }
    }
}
