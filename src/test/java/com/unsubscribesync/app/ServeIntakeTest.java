package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.intake.IntakeCertificate;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.testing.TestKeyStores;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A link made with {@code links make}, clicked at a running {@code serve --intake}, reaches Salesforce. */
class ServeIntakeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @TempDir
    Path outputs;

    @Test
    void aMadeLinksOneClickPostIsRecordedAndPushedToTheOrg() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            String contact = org.state().addContact("Ann", "Lee", "ann@intake.test");
            connect(org);
            AppProcess serve = AppProcess.start(data, outputs, "serve-intake", Map.of(), "serve", "--intake", "0");
            try {
                String base = intakeBase(serve);
                assertThat(base).startsWith("http://127.0.0.1:");
                CliRun made = CliRun.in(data, "links", "make", "ann@intake.test", "--base-url", base);
                assertThat(made.exit()).as(made.err()).isZero();
                String url = made.out().lines().findFirst().orElseThrow();

                HttpClient http = HttpClient.newHttpClient();
                assertThat(http.send(
                                        HttpRequest.newBuilder(URI.create(url)).build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
                assertThat(CliRun.in(data, "unsubscribe", "list").out()).doesNotContain("ann@intake.test");

                HttpResponse<String> clicked = http.send(oneClick(url), HttpResponse.BodyHandlers.ofString());

                assertThat(clicked.statusCode()).isEqualTo(200);
                assertThat(CliRun.in(data, "unsubscribe", "history", "ann@intake.test")
                                .out())
                        .contains("Clicked Link");
                Eventually.within(PATIENCE)
                        .until(
                                "the click pushed to the org",
                                () -> org.state().read(contact).optedOut());
                com.fasterxml.jackson.databind.JsonNode intake = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(CliRun.in(data, "status", "--json").out())
                        .get("intake");
                assertThat(intake.get("listening").get(0).asText()).isEqualTo(base);
                assertThat(intake.get("clicksToday").asLong()).isOne();
                assertThat(CliRun.in(data, "status").out())
                        .contains("Intake:          listening on " + base + "; 1 click today; refused today: 0");
                String token = url.substring(url.lastIndexOf('/') + 1);
                assertThat(serve.output()).doesNotContain(token);
                assertThat(java.nio.file.Files.readString(data.resolve(LogFile.NAME)))
                        .contains("Intake: a***@intake.test unsubscribed")
                        .doesNotContain(token);
            } finally {
                assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
            }
        }
    }

    /** Each kill is right after its 200; the slow build does it 20 times. */
    @Test
    void aServeKilledRightAfterA200HasTheUnsubscribeCommitted() throws Exception {
        killRightAfterA200(3);
    }

    @Test
    @Tag("slow")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twentyServesKilledRightAfterTheir200LoseNoUnsubscribe() throws Exception {
        killRightAfterA200(20);
    }

    private void killRightAfterA200(int kills) throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            connect(org);
            com.unsubscribesync.links.UnsubscribeLinks links =
                    com.unsubscribesync.links.UnsubscribeLinks.inDataDirectory(data);
            HttpClient http = HttpClient.newHttpClient();
            for (int kill = 0; kill < kills; kill++) {
                AppProcess serve =
                        AppProcess.start(data, outputs, "killed-" + kill, Map.of(), "serve", "--intake", "0");
                try {
                    String base = intakeBase(serve);
                    String url = links.make("killed" + kill + "@intake.test", java.util.Optional.empty(), base)
                            .url()
                            .toString();
                    assertThat(http.send(oneClick(url), HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                            .isEqualTo(200);
                } finally {
                    serve.kill();
                }
                assertThat(CliRun.in(data, "unsubscribe", "history", "killed" + kill + "@intake.test")
                                .out())
                        .as("kill %d", kill)
                        .contains("Clicked Link");
            }
        }
    }

    @Test
    void anApiRequestWithACreatedKeyShowsAsTheKeyInHistoryListAndTheKeysUses() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            connect(org);
            CliRun created = CliRun.in(data, "api-keys", "create", "crm");
            assertThat(created.exit()).as(created.err()).isZero();
            String key = created.out()
                    .lines()
                    .filter(line -> line.startsWith("usk_"))
                    .findFirst()
                    .orElseThrow();
            AppProcess serve = AppProcess.start(data, outputs, "serve-api", Map.of(), "serve", "--intake", "0");
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(intakeBase(serve) + "/api/unsubscribes"))
                                        .header("Authorization", "Bearer " + key)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"email\": \"ann@api.test\", \"reason\": \"asked in the shop\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"added\":1");
                assertThat(CliRun.in(data, "unsubscribe", "history", "ann@api.test")
                                .out())
                        .contains("Manual")
                        .contains("api:crm")
                        .contains("asked in the shop");
                assertThat(CliRun.in(data, "unsubscribe", "list", "--json").out())
                        .contains("\"actor\" : \"api:crm\"");
                assertThat(CliRun.in(data, "api-keys", "list", "--json").out()).contains("\"uses\" : 1");
                assertThat(serve.output()).doesNotContain(key.substring(4));
                assertThat(java.nio.file.Files.readString(data.resolve(LogFile.NAME)))
                        .contains("api:crm")
                        .doesNotContain(key.substring(4))
                        .doesNotContain("ann@api.test");
            } finally {
                assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
            }
        }
    }

    private void connect(LocalOrg org) {
        Map<String, String> env = Map.of("INTAKE_SECRET", org.clientSecret());
        assertThat(CliRun.in(
                                data,
                                env,
                                new ByteArrayOutputStream(),
                                "connect",
                                "--login-url",
                                org.url(),
                                "--client-id",
                                org.clientId(),
                                "--client-secret-env",
                                "INTAKE_SECRET")
                        .exit())
                .isZero();
    }

    private static String intakeBase(AppProcess serve) throws Exception {
        assertThat(serve.awaitLine("intake listening on ", PATIENCE))
                .as(serve.output())
                .isPresent();
        return serve.output()
                .lines()
                .filter(line -> line.startsWith("intake listening on "))
                .findFirst()
                .orElseThrow()
                .substring("intake listening on ".length());
    }

    private static HttpRequest oneClick(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build();
    }

    @Test
    void aServeWithIntakeTlsTakesAClickOverHttpsWithThePasswordFromItsEnvironment() throws Exception {
        String password = "serve-store-secret";
        Path keystore = TestKeyStores.valid(outputs.resolve("tls"), password);
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            connect(org);
            AppProcess serve = AppProcess.start(
                    data,
                    outputs,
                    "serve-tls",
                    Map.of(IntakeCertificate.PASSWORD_VARIABLE, password),
                    "serve",
                    "--intake",
                    "0",
                    "--intake-tls",
                    keystore.toString());
            try {
                String base = intakeBase(serve);
                assertThat(base).startsWith("https://127.0.0.1:");
                String url = com.unsubscribesync.links.UnsubscribeLinks.inDataDirectory(data)
                        .make("tls@intake.test", java.util.Optional.empty(), base)
                        .url()
                        .toString();
                HttpClient https = HttpClient.newBuilder()
                        .sslContext(TestKeyStores.trusting(keystore, password))
                        .build();

                assertThat(https.send(oneClick(url), HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
                assertThat(CliRun.in(data, "unsubscribe", "history", "tls@intake.test")
                                .out())
                        .contains("Clicked Link");
                assertThat(CliRun.in(data, "status").out()).contains("Intake:          listening on " + base + ";");
                assertThat(serve.output()).doesNotContain(password);
            } finally {
                assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
            }
        }
    }

    @Test
    void anIntakeBeyondThisComputerNeedsIntakeOpen() {
        CliRun refused = CliRun.in(data, "serve", "--intake", "0.0.0.0:8080");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLine()).contains("--intake-open");
    }
}
