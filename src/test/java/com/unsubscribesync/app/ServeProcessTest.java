package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.testing.Eventually;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in its own process pushes what another process records on the same data directory. */
class ServeProcessTest {
    @TempDir
    Path dataDirectory;

    @TempDir
    Path outputs;

    @Test
    void unsubscribeAddedFromTheCommandLineIsPushedByARunningServe() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(20))) {
            String contact = org.state().addContact("Ann", "Lee", "ann@serve.test");
            Map<String, String> env = Map.of("TEST_SECRET", org.clientSecret());
            connect(org, env);

            Process serve = new ProcessBuilder(
                            AppProcess.javaCommand(List.of(), "--data-dir", dataDirectory.toString(), "serve"))
                    .redirectError(dataDirectory.resolve("serve-stderr.txt").toFile())
                    .start();
            try {
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).startsWith("serving");

                long recorded = System.nanoTime();
                assertThat(cli(env, "unsubscribe", "add", "ann@serve.test", "--source", "clicked-link"))
                        .isZero();
                Eventually.within(Duration.ofSeconds(30))
                        .checkingEvery(Duration.ofMillis(20))
                        .until(
                                "serve to push the command-line unsubscribe",
                                () -> org.state().read(contact).optedOut());
                long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recorded);
                System.out.println("serve pushed a command-line unsubscribe after " + latencyMs + " ms");
            } finally {
                assertThat(AppProcess.stops(serve)).as("serve stops on SIGTERM").isTrue();
            }
        }
    }

    /**
     * A command-line add wakes the running serve's pusher over loopback instead of waiting for its next outbox poll
     * (400 ms): measured from the add's return to the opt-out in the org, over several adds.
     */
    @Test
    void aCommandLineAddWakesTheRunningServeSoThePushDoesNotWaitForThePoll() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(20))) {
            Map<String, String> env = Map.of("TEST_SECRET", org.clientSecret());
            connect(org, env);
            AppProcess serve = AppProcess.start(dataDirectory, outputs, "serve", Map.of(), "serve");
            try {
                assertThat(serve.awaitLine("serving", java.time.Duration.ofSeconds(90)))
                        .as(serve.output())
                        .isPresent();
                java.util.List<Long> latencies = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String contact = org.state().addContact("Wake", "Person " + i, "wake" + i + "@serve.test");
                    assertThat(cli(env, "unsubscribe", "add", "wake" + i + "@serve.test"))
                            .isZero();
                    long added = System.nanoTime();
                    Eventually.within(Duration.ofSeconds(30))
                            .checkingEvery(Duration.ofMillis(2))
                            .showing(serve::output)
                            .until(
                                    "serve to push add " + i,
                                    () -> org.state().read(contact).optedOut());
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - added));
                    // serve goes idle between adds, as between an admin's clicks: the gap is the scenario.
                    Thread.sleep(150 + 97L * i % 400);
                }
                java.util.List<Long> sorted = latencies.stream().sorted().toList();
                System.out.println("add -> push latency with serve running: " + latencies + " ms, median "
                        + sorted.get(sorted.size() / 2) + " ms");
                // Woken at once, a push waits only for the burst gathering (100 ms); the 400 ms poll alone would
                // put the median near 300 ms.
                assertThat(sorted.get(sorted.size() / 2))
                        .isLessThan(com.unsubscribesync.sync.RealtimePusher.QUIET.toMillis() + 150);
            } finally {
                assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
            }
        }
    }

    private void connect(LocalOrg org, Map<String, String> env) {
        assertThat(cli(env, CliRun.connectTo(org, "TEST_SECRET"))).isZero();
    }

    private int cli(Map<String, String> env, String... args) {
        return CliRun.on(dataDirectory).env(env).run(args).exit();
    }
}
