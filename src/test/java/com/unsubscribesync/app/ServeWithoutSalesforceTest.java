package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} started while the connected org is down (after a reboot during an outage) stays up, says in
 * {@code status} that it waits for Salesforce and when it tries next, and pushes once the org is back, without a
 * restart. A directory never connected is still refused at start. The first two wait up to 90 s at each step, so
 * they have a timeout above the default 3 minutes (about 15 s each when they pass).
 */
class ServeWithoutSalesforceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @TempDir
    Path outputs;

    @TempDir
    Path orgState;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void serveStartedWhileTheOrgIsDownWaitsSaysSoInStatusAndPushesWhenTheOrgIsBack() throws Exception {
        int port;
        Map<String, String> env;
        try (LocalOrg before =
                LocalOrg.start(LocalOrgOptions.defaults().withStateDir(orgState).withPeople(5))) {
            port = URI.create(before.url()).getPort();
            env = Map.of("OUTAGE_SECRET", before.clientSecret());
            assertThat(CliRun.in(data, env, new ByteArrayOutputStream(), CliRun.connectTo(before, "OUTAGE_SECRET"))
                            .exit())
                    .isZero();
        }

        AppProcess serve = AppProcess.start(data, outputs, "serve", Map.of(), "serve");
        try {
            assertThat(serve.awaitLine("serving", PATIENCE)).as(serve.output()).isPresent();
            JsonNode waiting = awaitServeState("waiting");
            assertThat(serve.alive())
                    .as("serve stays up without Salesforce: %s", serve.output())
                    .isTrue();
            Instant since = Instant.parse(waiting.path("waitingSince").asText());
            Instant nextTry = Instant.parse(waiting.path("nextTry").asText());
            assertThat(nextTry).isAfter(since);
            assertThat(waiting.path("problem").asText()).isNotBlank();
            System.out.println("serve waiting for Salesforce: " + waiting);
            String text = CliRun.in(data, "status").out();
            assertThat(text).contains("waiting for Salesforce since").contains("next try at");

            try (LocalOrg back = LocalOrg.start(LocalOrgOptions.defaults()
                    .withStateDir(orgState)
                    .withPort(port)
                    .withPeople(5))) {
                String contact = back.state().addContact("Ann", "Lee", "ann@outage.test");
                long recorded = System.nanoTime();
                assertThat(CliRun.in(data, "unsubscribe", "add", "ann@outage.test")
                                .exit())
                        .isZero();
                Eventually.within(PATIENCE)
                        .showing(serve::output)
                        .until(
                                "the opt-out pushed once the org is back",
                                () -> back.state().read(contact).optedOut());
                System.out.printf(
                        "pushed %d ms after the add, with the org back and serve never restarted%n",
                        Duration.ofNanos(System.nanoTime() - recorded).toMillis());
                assertThat(awaitServeState("ok").path("problem").isNull()).isTrue();
                assertThat(serve.alive()).isTrue();
            }
        } finally {
            assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
        }
        assertThat(new ObjectMapper()
                        .readTree(CliRun.in(data, "status", "--json").out())
                        .path("serve")
                        .isNull())
                .as("a stopped serve is no longer shown")
                .isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void serveWhoseSavedConnectionLostItsKeyFileStaysUpAndSaysItWaits() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withStateDir(orgState).withPeople(5))) {
            Map<String, String> env = Map.of("KEY_SECRET", org.clientSecret());
            assertThat(CliRun.in(data, env, new ByteArrayOutputStream(), CliRun.connectTo(org, "KEY_SECRET"))
                            .exit())
                    .isZero();
            java.nio.file.Files.delete(data.resolve("salesforce-connection.key"));

            AppProcess serve = AppProcess.start(data, outputs, "serve-without-key", Map.of(), "serve");
            try {
                assertThat(serve.awaitLine("serving", PATIENCE))
                        .as(serve.output())
                        .isPresent();
                JsonNode waiting = awaitServeState("waiting");
                assertThat(waiting.path("problem").asText()).isNotBlank();
                // Letting a second pass is the point: serve must still be up after it, not have died quietly.
                Thread.sleep(1_000);
                assertThat(serve.alive())
                        .as("serve stays up: %s", serve.output())
                        .isTrue();
            } finally {
                assertThat(serve.stop()).isTrue();
            }
        }
    }

    @Test
    void serveOnADirectoryNeverConnectedIsStillRefusedWithExitCode3() {
        CliRun serve = CliRun.in(data, "serve");

        assertThat(serve.exit()).isEqualTo(3);
        assertThat(serve.errorLine()).contains("no Salesforce org is connected").contains("connect");
    }

    private JsonNode awaitServeState(String salesforce) {
        return Eventually.within(PATIENCE)
                .until(
                        "status --json to show serve's Salesforce as " + salesforce,
                        () -> new ObjectMapper()
                                .readTree(CliRun.in(data, "status", "--json").out())
                                .path("serve"),
                        serve -> salesforce.equals(serve.path("salesforce").asText()));
    }
}
