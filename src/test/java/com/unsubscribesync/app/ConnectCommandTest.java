package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.CredentialStore;
import com.unsubscribesync.salesforce.OAuthCallback;
import com.unsubscribesync.salesforce.SavedConnection;
import com.unsubscribesync.salesforce.SimulatedBrowser;
import com.unsubscribesync.salesforce.TestCallbacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** connect, disconnect and the Salesforce half of status, run in-process against local orgs. */
class ConnectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";

    @TempDir
    Path dataDirectory;

    @Test
    void theDemoOrgConnectsAndStatusShowsItsFieldAndApiUsageUntilDisconnected() throws IOException {
        CliRun connect = run(Map.of(), "connect", "--demo");
        assertThat(connect.exit()).as(connect.err()).isZero();
        assertThat(connect.out()).contains("demo org");

        JsonNode status = json("status", "--json");
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("org").get("demo").asBoolean()).isTrue();
        JsonNode contact = status.get("requirements").get("field").get("Contact");
        assertThat(contact.get("exists").asBoolean()).isTrue();
        assertThat(contact.get("updateable").asBoolean()).isTrue();
        assertThat(contact.get("onLayouts").asBoolean())
                .as("the demo's Contact Layout lacks Email Opt Out")
                .isFalse();
        assertThat(status.get("apiUsage").get("used").asLong()).isPositive();
        assertThat(status.get("apiUsage").get("limit").asLong()).isEqualTo(100_000);
        assertThat(dataDirectory.resolve(DemoOrg.DIRECTORY)).isDirectory();

        assertThat(run(Map.of(), "settings", "set", "field=marketo-sales-opt-out")
                        .exit())
                .isZero();
        assertThat(json("status", "--json")
                        .get("requirements")
                        .get("field")
                        .get("Lead")
                        .get("apiName")
                        .asText())
                .isEqualTo("mkto_si__Marketo_Sales_Opt_Out__c");

        assertThat(run(Map.of(), "disconnect").out()).contains("Disconnected");
        assertThat(json("status", "--json").get("connected").asBoolean()).isFalse();
        assertThat(run(Map.of(), "disconnect").out()).contains("Nothing to forget");
    }

    @Test
    void aWrongClientSecretExitsWithThreeAndOneLineThatShowsNoSecret() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            CliRun run = run(Map.of(SECRET_VARIABLE, "wrong-secret-value"), CliRun.connectTo(org, SECRET_VARIABLE));
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err().strip().lines())
                    .singleElement()
                    .asString()
                    .startsWith("error: ")
                    .contains("invalid_client")
                    .doesNotContain("wrong-secret-value");
            assertThat(json("status", "--json").get("connected").asBoolean()).isFalse();
        }
    }

    @Test
    void theRightClientSecretConnectsHeadless() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            CliRun run = run(Map.of(SECRET_VARIABLE, org.clientSecret()), CliRun.connectTo(org, SECRET_VARIABLE));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains(org.orgId());
            JsonNode status = json("status", "--json");
            assertThat(status.get("org").get("id").asText()).isEqualTo(org.orgId());
            assertThat(status.get("org").get("demo").asBoolean()).isFalse();
        }
    }

    @Test
    void badConnectInputExitsWithTwo() {
        assertThat(run(Map.of(), CliRun.connect("https://login.salesforce.com", "x", "UNSET_VARIABLE_FOR_TEST"))
                        .exit())
                .isEqualTo(2);
        CliRun plain =
                run(Map.of(SECRET_VARIABLE, "s"), CliRun.connect("http://login.example.com", "x", SECRET_VARIABLE));
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err()).contains("https");
        assertThat(run(Map.of(), "connect").exit()).isEqualTo(2);
    }

    @Test
    void noTokenOrSecretIsWrittenInClearTextToTheLogOrTheDataDirectory() throws Exception {
        OAuthCallback callback = TestCallbacks.free();
        try (LocalOrg org =
                TestCallbacks.orgFor(callback, LocalOrgOptions.defaults().withPeople(10))) {
            CliRun headless = run(Map.of(SECRET_VARIABLE, org.clientSecret()), CliRun.connectTo(org, SECRET_VARIABLE));
            assertThat(headless.exit()).as(headless.err()).isZero();
            assertThat(json("status", "--json").get("connected").asBoolean()).isTrue();
            List<String> secrets = new ArrayList<>(List.of(org.clientSecret()));

            CliRun browser = runWithBrowser(
                    Map.of(SECRET_VARIABLE, org.clientSecret()),
                    CliRun.connectTo(
                            org, SECRET_VARIABLE, "--browser", "--callback-port", Integer.toString(callback.port())));
            assertThat(browser.exit()).as(browser.err()).isZero();
            assertThat(browser.out())
                    .contains("/services/oauth2/authorize?")
                    .contains("redirect_uri=" + java.net.URLEncoder.encode(callback.url(), StandardCharsets.UTF_8));
            SavedConnection saved = new CredentialStore(dataDirectory).load().orElseThrow();
            secrets.add(((SavedConnection.BrowserSignIn) saved).refreshToken());
            org.expireSessions();
            assertThat(json("status", "--json").get("connected").asBoolean()).isTrue();
            String accessTokenStart = org.orgId().substring(0, 15) + "!";

            for (Path file : filesToSearch()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(content).as(file.toString()).doesNotContain(secret);
                }
                assertThat(content).as(file.toString()).doesNotContain(accessTokenStart);
            }
        }
    }

    private List<Path> filesToSearch() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDirectory)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getLogger("ROOT").getAppender("file") instanceof FileAppender<?> log) {
            files.add(Path.of(log.getFile()));
        }
        assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".log"));
        return files;
    }

    private JsonNode json(String... args) throws IOException {
        CliRun run = run(Map.of(), args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(dataDirectory, env, new ByteArrayOutputStream(), args);
    }

    /** Runs with a simulated admin who opens the printed sign-in address and allows access. */
    private CliRun runWithBrowser(Map<String, String> env, String... args) {
        return CliRun.in(dataDirectory, env, new BrowserAtTheTerminal(SimulatedBrowser.allowing()), args);
    }
}
