package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.oauth.ConnectedApp;
import com.unsubscribesync.salesforce.OAuthCallback;
import com.unsubscribesync.salesforce.SavedConnection;
import com.unsubscribesync.salesforce.SimulatedBrowser;
import com.unsubscribesync.salesforce.TeamConnection;
import com.unsubscribesync.salesforce.TestCallbacks;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.TeamConnectionRepository;
import com.unsubscribesync.store.TeamStoreForTests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, ADR 0065: with a shared PostgreSQL store the Salesforce connection is the team's, kept once in the store
 * sealed under the team key that each node reads from its own file or environment.
 */
class TeamConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";
    private static final String WRONG_KEY = "the team's Salesforce connection is sealed with a different key: set "
            + "UNSUBSCRIBE_SYNC_TEAM_KEY_FILE to the team's key file";

    @TempDir
    Path work;

    private String store;
    private Path keyFile;
    private OAuthCallback callback;
    private LocalOrg org;

    @BeforeEach
    void aTeamWithAKeyAndAnOrg() throws Exception {
        store = TeamStoreForTests.newDatabase();
        keyFile = work.resolve("team.key");
        assertThat(CliRun.withArgumentsAsGiven()
                        .run("team-key", "make", keyFile.toString())
                        .exit())
                .isZero();
        callback = TestCallbacks.free();
        org = TestCallbacks.orgFor(callback, LocalOrgOptions.defaults().withPeople(10));
    }

    @AfterEach
    void stopTheOrg() {
        org.close();
    }

    @Test
    void oneSignInConnectsEveryNodeWithTheKeyAndTheStoreHoldsTheTokenOnlySealed() throws Exception {
        Path nodeA = work.resolve("a");
        Path nodeB = work.resolve("b");

        CliRun connect = signInFrom(nodeA, withKey());
        assertThat(connect.exit()).as(connect.err()).isZero();

        JsonNode status = statusOf(nodeB, withKey());
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("connectionFrom").asText()).isEqualTo("teamStore");
        assertThat(status.get("org").get("id").asText()).isEqualTo(org.orgId());
        assertThat(status.get("apiUsage").get("used").asLong())
                .as("B called the org")
                .isPositive();
        assertThat(run(nodeB, withKey(), "status").out()).contains("(connection from the team's store)");
        assertThat(nodeB.resolve("salesforce-connection.enc")).doesNotExist();
        assertThat(nodeA.resolve("salesforce-connection.enc"))
                .as("kept once, in the store")
                .doesNotExist();

        String row = sealedRow().orElseThrow();
        String opened = row + new String(Base64.getDecoder().decode(row), StandardCharsets.ISO_8859_1);
        SavedConnection.BrowserSignIn kept =
                (SavedConnection.BrowserSignIn) openedWithTheKey().orElseThrow();
        List<String> secrets = List.of(kept.refreshToken(), org.clientSecret());
        for (String secret : secrets) {
            assertThat(opened).doesNotContain(secret);
        }
        assertThat(opened).doesNotContain(Files.readString(keyFile).strip());
    }

    @Test
    void aRefreshTokenTheOrgReplacesIsKeptForTheTeamSoTheOtherNodesStayConnected() throws Exception {
        org.close();
        org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(10),
                ConnectedApp.defaults()
                        .withCallbackUrls(List.of(callback.url()))
                        .withRefreshTokenRotation(true));
        assertThat(signInFrom(work.resolve("a"), withKey()).exit()).isZero();
        String signedIn = refreshTokenKept();

        assertThat(statusOf(work.resolve("b"), withKey()).get("connected").asBoolean())
                .isTrue();
        String renewed = refreshTokenKept();

        assertThat(renewed).as("B's refresh replaced the token").isNotEqualTo(signedIn);
        assertThat(statusOf(work.resolve("a"), withKey()).get("connected").asBoolean())
                .as("A goes on with the token B kept; the one it signed in with is revoked")
                .isTrue();
    }

    private String refreshTokenKept() {
        return ((SavedConnection.BrowserSignIn) openedWithTheKey().orElseThrow()).refreshToken();
    }

    @Test
    void aNodeWithAnotherKeyIsToldInOneLineIsNotConnectedAndLeavesTheTeamsConnectionAlone() throws Exception {
        assertThat(signInFrom(work.resolve("a"), withKey()).exit()).isZero();
        String before = sealedRow().orElseThrow();
        Map<String, String> otherKey =
                env(Map.of("UNSUBSCRIBE_SYNC_TEAM_KEY", Base64.getEncoder().encodeToString(new byte[32])));

        JsonNode status = statusOf(work.resolve("b"), otherKey);
        CliRun said = run(work.resolve("b"), otherKey, "status");
        CliRun push = run(work.resolve("b"), otherKey, "sync", "push");

        assertThat(status.get("connected").asBoolean()).isFalse();
        assertThat(said.out()).contains(WRONG_KEY);
        assertThat(push.exit()).isEqualTo(3);
        assertThat(push.errorLine()).startsWith("error: ");
        assertThat(said.err() + push.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(sealedRow()).hasValue(before);
    }

    @Test
    void aConnectWithAnotherKeyReplacesTheTeamsConnectionAndSaysSo() throws Exception {
        assertThat(signInFrom(work.resolve("a"), withKey()).exit()).isZero();
        Path otherKeyFile = work.resolve("other.key");
        assertThat(CliRun.withArgumentsAsGiven()
                        .run("team-key", "make", otherKeyFile.toString())
                        .exit())
                .isZero();
        Map<String, String> otherKey = env(Map.of("UNSUBSCRIBE_SYNC_TEAM_KEY_FILE", otherKeyFile.toString()));

        CliRun replaced = signInFrom(work.resolve("b"), otherKey);

        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(replaced.err()).contains("replaced").contains("different key");
        assertThat(statusOf(work.resolve("b"), otherKey).get("connected").asBoolean())
                .isTrue();
        assertThat(run(work.resolve("a"), withKey(), "status").out()).contains(WRONG_KEY);
    }

    @Test
    void withoutAKeyAConnectIsRefusedInOneLineBeforeAnySignInAndStatusNamesTheVariable() throws Exception {
        Map<String, String> noKey = env(Map.of());

        CliRun refused = signInFrom(work.resolve("b"), noKey);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLine())
                .contains("UNSUBSCRIBE_SYNC_TEAM_KEY_FILE")
                .contains("team-key make");
        assertThat(refused.out()).as("no sign-in began").doesNotContain("/services/oauth2/authorize?");
        assertThat(sealedRow()).isEmpty();

        assertThat(signInFrom(work.resolve("a"), withKey()).exit()).isZero();
        CliRun status = run(work.resolve("b"), noKey, "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("not connected").contains("UNSUBSCRIBE_SYNC_TEAM_KEY_FILE");
    }

    @Test
    void aKeyFileOthersMayReadIsRefusedInOneLine() throws Exception {
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun refused = signInFrom(work.resolve("a"), withKey());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLine())
                .isEqualTo("error: permissions 0644 for the team key file " + keyFile
                        + " are too open: it must be readable by its owner only (chmod 600 " + keyFile + ")");
        assertThat(sealedRow()).isEmpty();
    }

    @Test
    void disconnectOnOneNodeDisconnectsTheWholeTeamAndSaysSo() throws Exception {
        assertThat(signInFrom(work.resolve("a"), withKey()).exit()).isZero();
        assertThat(statusOf(work.resolve("b"), withKey()).get("connected").asBoolean())
                .isTrue();

        CliRun disconnect = run(work.resolve("a"), withKey(), "disconnect");

        assertThat(disconnect.out()).contains("whole team");
        assertThat(sealedRow()).isEmpty();
        assertThat(statusOf(work.resolve("b"), withKey()).get("connected").asBoolean())
                .isFalse();
    }

    @Test
    void aTeamKeyIsWrittenForItsOwnerOnlyAndNeverOverwritten() throws Exception {
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip()))
                .hasSize(32);
        String key = Files.readString(keyFile);

        CliRun again = CliRun.withArgumentsAsGiven().run("team-key", "make", keyFile.toString());

        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.errorLine()).contains("exists already");
        assertThat(Files.readString(keyFile)).isEqualTo(key);
    }

    @Test
    void withoutAStoreUrlTheConnectionStaysInTheDataDirectoryEvenWithATeamKeySet() throws Exception {
        Path desktop = work.resolve("desktop");
        CliRun connect = CliRun.in(
                desktop,
                Map.of(SECRET_VARIABLE, org.clientSecret(), "UNSUBSCRIBE_SYNC_TEAM_KEY_FILE", keyFile.toString()),
                new ByteArrayOutputStream(),
                CliRun.connectTo(org, SECRET_VARIABLE));

        assertThat(connect.exit()).as(connect.err()).isZero();
        assertThat(desktop.resolve("salesforce-connection.enc")).exists();
        assertThat(sealedRow()).isEmpty();
        CliRun status = CliRun.in(desktop, "status", "--json");
        assertThat(JSON.readTree(status.out()).get("connectionFrom").asText()).isEqualTo("thisComputer");
    }

    private Map<String, String> withKey() {
        return env(Map.of("UNSUBSCRIBE_SYNC_TEAM_KEY_FILE", keyFile.toString()));
    }

    private Map<String, String> env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("UNSUBSCRIBE_SYNC_STORE_PASSWORD", TeamStoreForTests.password());
        env.put(SECRET_VARIABLE, org.clientSecret());
        return env;
    }

    /** The browser sign-in, as an admin at the terminal of one node does it. */
    private CliRun signInFrom(Path node, Map<String, String> env) {
        List<String> args = new ArrayList<>(List.of("--store", store));
        args.addAll(List.of(CliRun.connectTo(
                org, SECRET_VARIABLE, "--browser", "--callback-port", Integer.toString(callback.port()))));
        return CliRun.in(node, env, new BrowserAtTheTerminal(SimulatedBrowser.allowing()), args.toArray(String[]::new));
    }

    private CliRun run(Path node, Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", store));
        all.addAll(List.of(args));
        return CliRun.in(node, env, new ByteArrayOutputStream(), all.toArray(String[]::new));
    }

    private JsonNode statusOf(Path node, Map<String, String> env) throws Exception {
        CliRun status = run(node, env, "status", "--json");
        assertThat(status.exit()).as(status.err()).isZero();
        return JSON.readTree(status.out());
    }

    /** The team's connection as a node with the key opens it. */
    private Optional<SavedConnection> openedWithTheKey() {
        Optional<String> row = sealedRow();
        return new TeamConnection(
                        TeamConnection.SealedRow.of(
                                () -> row,
                                text -> {
                                    throw new AssertionError("only read");
                                },
                                () -> {
                                    throw new AssertionError("only read");
                                }),
                        withKey())
                .load();
    }

    private Optional<String> sealedRow() {
        try (Database database = Database.openUrl(store, Optional.of(TeamStoreForTests.password()), PoolSize.DESKTOP)) {
            return new TeamConnectionRepository(database, Clock.systemUTC()).sealed();
        }
    }
}
