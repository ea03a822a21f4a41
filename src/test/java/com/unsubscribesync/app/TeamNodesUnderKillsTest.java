package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.TeamStoreForTests;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.testing.TestSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: three {@code serve} nodes on one PostgreSQL store, each in its own data directory, are killed with
 * SIGKILL at random moments and started again (now and then as a {@code sync run} instead) while unsubscribes keep
 * being recorded. In the end every unsubscribe is opted out in the org, the outbox is empty and no two nightly runs
 * overlapped.
 */
@Tag("slow")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@ExtendWith(TestSeed.Given.class)
class TeamNodesUnderKillsTest {
    private static final int NODES = 3;
    private static final int ADDRESSES = 90;
    private static final int KILLS = Integer.getInteger("team.kills", 21);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void everyUnsubscribeReachesSalesforceAndNoTwoRunsOverlapWhileServeNodesAreKilledAtRandom(TestSeed seed)
            throws Exception {
        Random random = seed.random();
        String url = TeamStoreForTests.newDatabase();
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10));
                Database store = Database.openUrl(url, Optional.of(TeamStoreForTests.password()), PoolSize.DESKTOP)) {
            Path teamKey = work.resolve("team.key");
            assertThat(CliRun.withArgumentsAsGiven()
                            .run("team-key", "make", teamKey.toString())
                            .exit())
                    .isZero();
            Map<String, String> nodeEnv = Map.of(
                    "UNSUBSCRIBE_SYNC_STORE_PASSWORD",
                    TeamStoreForTests.password(),
                    "TEAM_SECRET",
                    org.clientSecret(),
                    "UNSUBSCRIBE_SYNC_TEAM_KEY_FILE",
                    teamKey.toString());
            List<Path> nodes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                nodes.add(Files.createDirectories(work.resolve("node-" + n)));
            }
            // One connect for the team (ADR 0065): the other nodes use the connection kept in the store.
            assertThat(CliRun.on(nodes.get(0))
                            .env(nodeEnv)
                            .run(withStore(url, CliRun.connectTo(org, "TEAM_SECRET")))
                            .exit())
                    .as("the team connects once")
                    .isZero();
            List<Email> emails = new ArrayList<>();
            List<String> records = new ArrayList<>();
            for (int i = 0; i < ADDRESSES; i++) {
                Email email = new Email("team" + i + "@example.com");
                emails.add(email);
                records.add(org.state().addContact("Team", "Person " + i, email.value()));
            }

            UnsubscribeRepository unsubscribes = new UnsubscribeRepository(store, Clock.systemUTC());
            AtomicInteger recorded = new AtomicInteger();
            Thread recorder = new Thread(
                    () -> emails.forEach(email -> {
                        unsubscribes.add(new Unsubscribe(
                                email, Instant.now(), UnsubscribeSource.CLICKED_LINK, "team-test", Optional.empty()));
                        recorded.incrementAndGet();
                        pace(80);
                    }),
                    "recorder");

            Path outputs = Files.createDirectories(work.resolve("outputs"));
            AppProcess[] running = new AppProcess[NODES];
            for (int n = 0; n < NODES; n++) {
                running[n] =
                        AppProcess.start(nodes.get(n), outputs, "node-" + n + "-0", nodeEnv, withStore(url, "serve"));
            }
            recorder.start();
            int kills = 0;
            int nightlyStarts = 0;
            while (kills < KILLS || recorder.isAlive()) {
                // How long the nodes work before the next kill, and which one dies: the scenario.
                Thread.sleep(300 + random.nextInt(2_000));
                int victim = random.nextInt(NODES);
                running[victim].kill();
                kills++;
                boolean nightly = random.nextInt(4) == 0;
                nightlyStarts += nightly ? 1 : 0;
                running[victim] = AppProcess.start(
                        nodes.get(victim),
                        outputs,
                        "node-" + victim + "-" + kills,
                        nodeEnv,
                        withStore(url, nightly ? new String[] {"sync", "run"} : new String[] {"serve"}));
            }
            recorder.join();
            System.out.printf(
                    "team test: %d unsubscribes recorded, %d kills, %d nightly runs started%n",
                    recorded.get(), kills, nightlyStarts);

            for (int n = 0; n < NODES; n++) {
                if (!running[n].alive()) {
                    running[n] = AppProcess.start(
                            nodes.get(n), outputs, "node-" + n + "-last", nodeEnv, withStore(url, "serve"));
                }
            }
            OutboxRepository outbox = new OutboxRepository(store);
            Eventually.within(PATIENCE)
                    .until("the nodes left running to empty the outbox", outbox::pendingCount, pending -> pending == 0);
            for (AppProcess node : running) {
                node.stop();
            }
            // A run killed a moment ago still holds its lease for up to a minute.
            Eventually.within(PATIENCE).until("a last nightly run to finish with exit 0", () -> {
                AppProcess run =
                        AppProcess.start(nodes.get(0), outputs, "last-run", nodeEnv, withStore(url, "sync", "run"));
                return run.awaitExit(PATIENCE) == 0;
            });

            assertThat(outbox.pendingCount()).as("outbox at the end").isZero();
            assertThat(emails)
                    .allSatisfy(email -> assertThat(unsubscribes.isUnsubscribed(email))
                            .as("%s unsubscribed here", email)
                            .isTrue());
            assertThat(records)
                    .allSatisfy(id -> assertThat(org.state().read(id).optedOut())
                            .as("record %s opted out", id)
                            .isTrue());
            assertNoTwoRunsOverlapped(new SyncRunRepository(store).recent(1_000, false));
        }
    }

    private static void assertNoTwoRunsOverlapped(List<SyncRun> runs) {
        List<SyncRun> byStart = runs.stream()
                .filter(run -> !run.dryRun())
                .sorted(Comparator.comparing(SyncRun::startedAt))
                .toList();
        assertThat(byStart).as("nightly runs").isNotEmpty();
        assertThat(byStart)
                .as("no run is left running")
                .allSatisfy(run -> assertThat(run.endedAt()).isPresent());
        for (int i = 1; i < byStart.size(); i++) {
            SyncRun before = byStart.get(i - 1);
            SyncRun after = byStart.get(i);
            assertThat(after.startedAt())
                    .as("run %d started after run %d ended", after.id(), before.id())
                    .isAfterOrEqualTo(before.endedAt().orElseThrow());
        }
    }

    private static String[] withStore(String url, String... args) {
        List<String> line = new ArrayList<>(List.of("--store", url));
        line.addAll(List.of(args));
        return line.toArray(String[]::new);
    }

    /** The recorder's pause between unsubscribes: the pace of the scenario, not a wait for anything. */
    private static void pace(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
