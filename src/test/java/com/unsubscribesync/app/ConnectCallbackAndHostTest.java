package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.OAuthCallback;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect}'s refusals about where the sign-in goes: the callback port and the login host. */
class ConnectCallbackAndHostTest {
    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";

    @TempDir
    Path data;

    @Test
    void clientCredentialsOnAGenericLoginHostExitWith2AndNameTheMyDomainBeforeAnyCall() {
        CliRun run = CliRun.in(
                data,
                Map.of(SECRET_VARIABLE, "secret"),
                new ByteArrayOutputStream(),
                CliRun.connect("https://login.salesforce.com", "client", SECRET_VARIABLE));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine())
                .startsWith("error: Client credentials work only on your org's My Domain")
                .contains("https://yourcompany.my.salesforce.com");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void aTakenCallbackPortExitsWith2InOneLineNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(1))) {
            CliRun run = CliRun.in(
                    data,
                    "connect",
                    "--login-url",
                    org.url(),
                    "--client-id",
                    org.clientId(),
                    "--callback-port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.errorLine())
                    .startsWith("error: Port " + taken.getLocalPort() + " on this computer is taken")
                    .contains("--callback-port");
            assertThat(run.err().strip()).doesNotContain("\n");
        }
    }

    @Test
    void aCallbackPortWithClientCredentialsIsBadInput() {
        CliRun run = CliRun.in(
                data,
                Map.of(SECRET_VARIABLE, "secret"),
                new ByteArrayOutputStream(),
                CliRun.connect(
                        "https://acme.my.salesforce.com", "client", SECRET_VARIABLE, "--callback-port", "28000"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine()).contains("--callback-port is for the browser sign-in");
    }

    @Test
    void theHelpNamesTheAdaptersDefaultCallbackPort() {
        String[] help = new picocli.CommandLine(new com.unsubscribesync.cli.ConnectCommand(() -> {
                    throw new AssertionError("help does not connect");
                }))
                .getCommandSpec()
                .findOption("--callback-port")
                .description();
        assertThat(String.join(" ", help))
                .contains("http://localhost:N/oauth/callback")
                .contains("default " + OAuthCallback.DEFAULT_PORT);
    }
}
