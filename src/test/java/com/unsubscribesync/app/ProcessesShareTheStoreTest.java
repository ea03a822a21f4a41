package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that open one data directory together wait for each other instead of failing: a {@code serve} and an
 * {@code unsubscribe add} started together right after the previous {@code serve} was killed, and adds started
 * together on an idle directory. Rounds: {@code -Dprocesses.rounds=20} (the profile {@code all-process-rounds}).
 */
@Tag("slow")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ProcessesShareTheStoreTest {
    private static final int ROUNDS = Integer.getInteger("processes.rounds", 5);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @TempDir
    Path outputs;

    @Test
    void serveAndAnAddStartedTogetherAfterServeWasKilledBothSucceedEveryTime() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            Map<String, String> env = Map.of("PROCESSES_SECRET", org.clientSecret());
            assertThat(CliRun.in(
                                    data,
                                    env,
                                    new java.io.ByteArrayOutputStream(),
                                    CliRun.connectTo(org, "PROCESSES_SECRET"))
                            .exit())
                    .isZero();

            AppProcess serve = AppProcess.start(data, outputs, "serve-0", Map.of(), "serve");
            assertThat(serve.awaitLine("serving", PATIENCE)).as(serve.output()).isPresent();
            List<Email> added = new ArrayList<>();
            List<Long> addMillis = new ArrayList<>();
            List<Long> serveMillis = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                serve.kill();
                Email email = new Email("round" + round + "@processes.test");
                AppProcess next = AppProcess.start(data, outputs, "serve-" + round, Map.of(), "serve");
                AppProcess add = AppProcess.start(
                        data,
                        outputs,
                        "add-" + round,
                        Map.of(),
                        "unsubscribe",
                        "add",
                        email.value(),
                        "--source",
                        "bounce");

                int exit = add.awaitExit(PATIENCE);
                Duration addTook = add.sinceStart();
                assertThat(exit)
                        .as("round %d: add exited with %s", round, add.output())
                        .isZero();
                added.add(email);
                Optional<Duration> serving = next.awaitLine("serving", PATIENCE);
                assertThat(serving)
                        .as("round %d: serve started: %s", round, next.output())
                        .isPresent();
                addMillis.add(addTook.toMillis());
                serveMillis.add(serving.get().toMillis());
                System.out.printf(
                        "round %d: add exit 0 after %d ms, serve serving after %d ms%n",
                        round, addTook.toMillis(), serving.get().toMillis());
                serve = next;
            }
            assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
            System.out.printf(
                    "%d rounds: add took %s ms (median %d), serve started in %s ms (median %d)%n",
                    ROUNDS, addMillis, median(addMillis), serveMillis, median(serveMillis));
            assertRecorded(added);
        }
    }

    @Test
    void fourAddsStartedTogetherOnAnIdleDirectoryAllSucceed() throws Exception {
        List<Email> added = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            List<AppProcess> adds = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Email email = new Email("together" + round + "-" + i + "@processes.test");
                added.add(email);
                adds.add(AppProcess.start(
                        data, outputs, "add-" + round + "-" + i, Map.of(), "unsubscribe", "add", email.value()));
            }
            List<Long> took = new ArrayList<>();
            for (AppProcess add : adds) {
                assertThat(add.awaitExit(PATIENCE))
                        .as("round %d: %s", round, add.output())
                        .isZero();
                took.add(add.sinceStart().toMillis());
            }
            System.out.printf(
                    "round %d (%s directory): 4 adds exit 0 after %s ms%n", round, round == 1 ? "new" : "idle", took);
        }
        assertRecorded(added);
        assertThat(Files.list(data).map(p -> p.getFileName().toString()))
                .as("nobody has the database open any more")
                .doesNotContain("unsubscribe-sync.lock.db");
    }

    private void assertRecorded(List<Email> added) {
        try (Database database = Database.openFile(data)) {
            UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.systemUTC());
            assertThat(added)
                    .allSatisfy(email -> assertThat(unsubscribes.isUnsubscribed(email))
                            .as("%s recorded", email)
                            .isTrue());
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
