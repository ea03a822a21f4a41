package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectorConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OrgServeCommandTest {

    @Test
    void printsTheUrlAndCredentialsInTheContractedLines() {
        OrgServeCommand serve = new OrgServeCommand();
        StringWriter out = new StringWriter();
        int exit = command(serve, out, new StringWriter())
                .execute("--port", "0", "--people", "50", "--faults", "latency:1ms");
        try {
            assertThat(exit).isEqualTo(CommandLineApp.KEEP_RUNNING);
            String[] lines = out.toString().split("\\R");
            assertThat(lines).hasSize(6);
            assertThat(lines[0]).matches("local org listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines[1]).isEqualTo("client id: " + serve.runningOrg().clientId());
            assertThat(lines[2])
                    .isEqualTo("client secret: " + serve.runningOrg().clientSecret());
            assertThat(lines[3]).isEqualTo("username: " + serve.runningOrg().username());
            assertThat(lines[4]).isEqualTo("password: " + serve.runningOrg().password());
            assertThat(lines[5]).isEqualTo("callback URLs: http://localhost:27482/oauth/callback");
        } finally {
            serve.runningOrg().close();
        }
    }

    @Test
    void anHttpCallbackUrlOnAnIpAddressIsRefusedAsSalesforceRefusesIt() {
        StringWriter err = new StringWriter();
        int exit = command(new OrgServeCommand(), new StringWriter(), err)
                .execute("--port", "0", "--people", "1", "--callback-url", "http://127.0.0.1:27482/oauth/callback");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("org serve: callback URL").contains("Cannot be an HTTP URL");
    }

    @Test
    void anUnknownLatencyProfileIsRefusedInOneLineNamingTheChoices() {
        StringWriter err = new StringWriter();
        int exit = command(new OrgServeCommand(), new StringWriter(), err)
                .execute("--port", "0", "--people", "1", "--latency", "slow");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines())
                .singleElement()
                .asString()
                .startsWith("org serve: latency profile 'slow'")
                .contains("zero, typical");
    }

    @Test
    void theLatencyProfileIsAnOption() {
        OrgServeCommand serve = new OrgServeCommand();
        int exit = command(serve, new StringWriter(), new StringWriter())
                .execute("--port", "0", "--people", "1", "--latency", "typical");
        try {
            assertThat(exit).isEqualTo(CommandLineApp.KEEP_RUNNING);
            assertThat(serve.runningOrg().latency().profile().name()).isEqualTo("typical");
        } finally {
            serve.runningOrg().close();
        }
    }

    @Test
    void registeredCallbacksTheSecretSwitchesAndTheGenericLoginHostAreOptions() {
        OrgServeCommand serve = new OrgServeCommand();
        StringWriter out = new StringWriter();
        int exit = command(serve, out, new StringWriter())
                .execute(
                        "--port",
                        "0",
                        "--people",
                        "1",
                        "--callback-url",
                        "http://localhost:28001/oauth/callback",
                        "--callback-url",
                        "https://app.example/cb",
                        "--no-secret-for-web-server-flow",
                        "--generic-login-host");
        try {
            assertThat(exit).isEqualTo(CommandLineApp.KEEP_RUNNING);
            assertThat(out.toString())
                    .contains("callback URLs: http://localhost:28001/oauth/callback " + "https://app.example/cb")
                    .contains("generic login host: http://127.0.0.1:");
        } finally {
            serve.runningOrg().close();
        }
    }

    @Test
    void withTlsItAlsoPrintsTheCertificate(@org.junit.jupiter.api.io.TempDir Path dir) {
        OrgServeCommand serve = new OrgServeCommand();
        StringWriter out = new StringWriter();
        int exit = command(serve, out, new StringWriter()).execute("--people", "5", "--tls", "--state", dir.toString());
        try {
            assertThat(exit).isEqualTo(CommandLineApp.KEEP_RUNNING);
            String[] lines = out.toString().split("\\R");
            assertThat(lines[0]).startsWith("local org listening on https://127.0.0.1:");
            assertThat(lines[5])
                    .isEqualTo(
                            "certificate: " + serve.runningOrg().certificate().orElseThrow());
        } finally {
            serve.runningOrg().close();
        }
    }

    @Test
    void badOptionsGiveOneLineAndExitCode2() {
        for (String[] args : List.of(
                new String[] {"--people", "-3"},
                new String[] {"--faults", "teleport:now"},
                new String[] {"--memory", "--state", "x"},
                new String[] {"--port", "abc"},
                new String[] {"--port", "70000"},
                new String[] {"--bogus"})) {
            OrgServeCommand serve = new OrgServeCommand();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = command(serve, out, err).execute(args);
            assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
            assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out.toString()).isEmpty();
            assertThat(serve.runningOrg()).isNull();
        }
    }

    @Test
    void inItsOwnProcessItStartsWith5000PeopleAnswersAndStopsOnSigterm(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(
                        AppProcess.javaCommand(List.of(), "org", "serve", "--port", "0", "--people", "5000"))
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            lines.add(out.readLine());
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            for (int i = 0; i < 4; i++) {
                lines.add(out.readLine());
            }
            assertThat(lines.get(0)).startsWith("local org listening on http://127.0.0.1:");
            // How fast is a figure for the README, printed here; a bar on it would fail on a busy machine.
            System.out.println("org serve with 5000 people printed its first line after " + startup.toMillis()
                    + " ms (JVM start included)");

            String url = lines.get(0).substring("local org listening on ".length());
            String clientId = lines.get(1).substring("client id: ".length());
            String secret = lines.get(2).substring("client secret: ".length());
            HttpResponse<String> token = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/services/oauth2/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                                            + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                                            + secret))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String session = new ObjectMapper()
                    .readTree(token.body())
                    .path("access_token")
                    .asText();
            ConnectorConfig config = new ConnectorConfig();
            config.setManualLogin(true);
            config.setAuthEndpoint(url + "/services/Soap/u/65.0");
            config.setServiceEndpoint(url + "/services/Soap/u/65.0");
            config.setSessionId(session);
            assertThat(new PartnerConnection(config)
                            .query("SELECT COUNT() FROM Contact")
                            .getSize())
                    .isEqualTo(2999);

            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String err = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
            assertThat(err).doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    private static CommandLine command(OrgServeCommand serve, StringWriter out, StringWriter err) {
        return new CommandLine(serve)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(new OneLineUsageErrors());
    }
}
