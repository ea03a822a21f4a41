package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.Browser;
import com.unsubscribesync.salesforce.OAuthCallback;
import com.unsubscribesync.salesforce.SimulatedBrowser;
import com.unsubscribesync.salesforce.TestCallbacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code connect} in the browser when the redirect back is not what this sign-in asked for: refused at once in one
 * line with exit 3 (authentication refused, CLI.md), and no credentials saved. ADR 0012 says why 3 and not 2.
 */
class MalformedSignInRedirectTest {
    /** The encrypted connection and its key both start so (CredentialStore). */
    private static final String CREDENTIALS = "salesforce-connection";

    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";
    private static final OAuthCallback CALLBACK = TestCallbacks.free();
    private static LocalOrg org;

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        org = TestCallbacks.orgFor(CALLBACK, LocalOrgOptions.defaults().withPeople(5));
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    static Stream<Arguments> badRedirects() {
        return Stream.of(
                redirect(
                        "another sign-in's state",
                        SimulatedBrowser.tamperingWith(location -> location.replaceAll("state=[^&]*", "state=forged")),
                        "different sign-in"),
                redirect(
                        "no authorization code",
                        SimulatedBrowser.tamperingWith(location -> location.replaceAll("code=[^&]*&?", "")),
                        "without an authorization code"),
                redirect("access denied", SimulatedBrowser.denying(), "denied"),
                redirect(
                        "garbage sent to the listener ahead of the browser",
                        SimulatedBrowser.tamperingWith(location -> {
                            garbage(URI.create(location));
                            return location;
                        }),
                        "different sign-in"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRedirects")
    void aBadRedirectIsRefusedAtOnceAndNothingIsSaved(String what, Browser browser, String says) {
        CliRun run = connect(browser);

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.errorLine())
                .startsWith("error: ")
                .contains(says)
                .contains("connect again")
                .doesNotContain("Exception");
        assertThat(run.errorLine()).doesNotContain("code=");
        assertThat(status()).contains("\"connected\" : false");
    }

    @Test
    void aReplayedAuthorizationCodeIsRefusedAndTheEarlierConnectionIsKept() throws Exception {
        AtomicReference<String> used = new AtomicReference<>();
        CliRun first = connect(SimulatedBrowser.tamperingWith(location -> {
            used.set(location.replaceAll(".*[?&]code=([^&]*).*", "$1"));
            return location;
        }));
        assertThat(first.exit()).as(first.err()).isZero();
        Map<Path, byte[]> saved = files();

        CliRun replay = connect(
                SimulatedBrowser.tamperingWith(location -> location.replaceAll("code=[^&]*", "code=" + used.get())));

        assertThat(replay.exit()).isEqualTo(3);
        assertThat(replay.errorLine()).contains("invalid_grant").contains("connect again");
        assertThat(files())
                .as("the saved connection")
                .containsOnlyKeys(saved.keySet())
                .allSatisfy((file, bytes) -> assertThat(bytes).isEqualTo(saved.get(file)));
        assertThat(status()).contains("\"connected\" : true");
    }

    /** What any local program can send to the listener before the browser comes back: NUL, bad UTF-8, no code. */
    private static void garbage(URI redirect) {
        try (Socket socket = new Socket(redirect.getHost(), redirect.getPort())) {
            String request = "GET " + redirect.getRawPath() + "?state=%FF%FE%00&%C3%28=1 HTTP/1.1\r\nHost: "
                    + redirect.getHost() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CliRun connect(Browser browser) {
        return CliRun.in(
                data,
                Map.of(SECRET_VARIABLE, org.clientSecret()),
                new BrowserAtTheTerminal(browser),
                CliRun.connectTo(
                        org, SECRET_VARIABLE, "--browser", "--callback-port", Integer.toString(CALLBACK.port())));
    }

    private String status() {
        return CliRun.in(data, "status", "--json").out();
    }

    /** The files of the data directory that hold the connection, with their bytes. */
    private Map<Path, byte[]> files() throws Exception {
        try (Stream<Path> all = Files.list(data)) {
            return all.filter(f -> f.getFileName().toString().startsWith(CREDENTIALS))
                    .collect(Collectors.toMap(f -> f, MalformedSignInRedirectTest::read));
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments redirect(String what, Browser browser, String says) {
        return Arguments.of(what, browser, says);
    }
}
