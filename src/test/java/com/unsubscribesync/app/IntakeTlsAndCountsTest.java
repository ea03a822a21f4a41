package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.cli.IntakeOption;
import com.unsubscribesync.intake.IntakeCertificate;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.testing.TestKeyStores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --intake-tls}: what it refuses before starting, and the counts {@code status} shows of its refusals. */
class IntakeTlsAndCountsTest {
    private static final String PASSWORD = "intake-store-secret";

    @TempDir
    static Path certificates;

    private static Path keystore;

    @TempDir
    Path data;

    @BeforeAll
    static void makeKeyStore() throws IOException {
        keystore = TestKeyStores.valid(certificates, PASSWORD);
    }

    private CliRun serveWithTls(Path file, String password) {
        return CliRun.on(data)
                .env(Map.of(IntakeCertificate.PASSWORD_VARIABLE, password))
                .run("serve", "--intake", "0", "--intake-tls", file.toString());
    }

    @Test
    void aWrongPasswordExits2WithOneLineAndStartsNothing() throws IOException {
        CliRun refused = serveWithTls(keystore, "not-the-password");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLine())
                .contains("--intake-tls")
                .contains("the password in UNSUBSCRIBE_SYNC_INTAKE_TLS_PASSWORD does not open it");
        assertThat(refused.out()).doesNotContain("serving");
        assertThat(announcedServes()).isEmpty();
    }

    @Test
    void anExpiredCertificateExits2SayingWhenItExpiredAndStartsNothing() throws IOException {
        CliRun refused = serveWithTls(TestKeyStores.expired(certificates, PASSWORD), PASSWORD);

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLine()).containsPattern("expired on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(refused.out()).doesNotContain("serving");
        assertThat(announcedServes()).isEmpty();
    }

    private Stream<Path> announcedServes() throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(file -> file.getFileName().toString().startsWith("serve-")).toList().stream();
        }
    }

    @Test
    void refusalsOverHttpsRaiseTodaysCountsByKindInStatus() throws Exception {
        try (AppWorkspace workspace = new AppWorkspace(
                data,
                Database.openFile(data),
                Clock.systemUTC(),
                "tester",
                Map.of(IntakeCertificate.PASSWORD_VARIABLE, PASSWORD))) {
            workspace.announceServing();
            String base = workspace
                    .serving(() -> {})
                    .startIntake(new IntakeOption(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                            Set.of(),
                            60,
                            Optional.of(keystore),
                            ZoneId.systemDefault()));
            assertThat(base).startsWith("https://127.0.0.1:");
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(TestKeyStores.trusting(keystore, PASSWORD))
                    .build();
            String link = workspace
                    .links()
                    .make("ann@example.com", Optional.empty(), base)
                    .url()
                    .toString();

            assertThat(status(https, post(link, "List-Unsubscribe=Nope"))).isEqualTo(400);
            assertThat(status(https, post(link, "x".repeat(5000)))).isEqualTo(413);
            assertThat(status(https, post(base + "/api/unsubscribes", "{}"))).isEqualTo(401);
            int answer;
            int tries = 0;
            do {
                answer = status(
                        https,
                        HttpRequest.newBuilder(URI.create(base + "/u/not-a-token"))
                                .build());
            } while (answer == 404 && ++tries < 100);
            assertThat(answer).as("past the burst a client may make").isEqualTo(429);

            JsonNode intake = Eventually.within(Duration.ofSeconds(30))
                    .until(
                            "the counts saved in the background and shown by status",
                            () -> new ObjectMapper()
                                    .readTree(
                                            CliRun.in(data, "status", "--json").out())
                                    .get("intake"),
                            shown -> shown.get("refusedToday").get("tooFast").asLong() == 1);
            assertThat(intake.get("listening").get(0).asText()).isEqualTo(base);
            assertThat(intake.get("refusedToday").get("malformed").asLong()).isOne();
            assertThat(intake.get("refusedToday").get("tooLarge").asLong()).isOne();
            assertThat(intake.get("refusedToday").get("badKey").asLong()).isOne();
            assertThat(intake.get("refusedToday").get("badLink").asLong()).isEqualTo(tries);
            assertThat(intake.get("refusedToday").get("busy").asLong()).isZero();
            assertThat(intake.get("failedToday").asLong()).isZero();
            assertThat(CliRun.in(data, "status").out())
                    .contains("Intake:          listening on " + base + "; 0 clicks today; refused today: "
                            + (tries + 4) + " (bad link " + tries + ", ");
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static int status(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
