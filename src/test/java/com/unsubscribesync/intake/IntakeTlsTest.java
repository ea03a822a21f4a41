package com.unsubscribesync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.links.UnsubscribeLinks;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.IntakeCountRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.testing.TestKeyStores;
import com.unsubscribesync.usecase.IntakeTally;
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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake over HTTPS on loopback, with a PKCS12 file made for the test, and the files it refuses. */
class IntakeTlsTest {
    private static final String PASSWORD = "test-store-secret";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    @TempDir
    static Path certificates;

    private static Path keystore;

    @TempDir
    Path data;

    private final Database database = Database.openInMemory("intake-tls-" + UUID.randomUUID());
    private final UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.systemUTC());
    private IntakeServer server;
    private UnsubscribeLinks links;

    @BeforeAll
    static void makeKeyStore() throws IOException {
        keystore = TestKeyStores.valid(certificates, PASSWORD);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    private String startWithTls() throws IOException {
        links = UnsubscribeLinks.inDataDirectory(data);
        IntakeCertificate certificate = IntakeCertificate.read(keystore, Optional.of(PASSWORD), Instant.now());
        server = IntakeServer.start(
                IntakeSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                        .withTls(certificate),
                links,
                TestClicks.recordedIn(unsubscribes, data, () -> {}),
                Optional.empty(),
                new IntakeTally(new IntakeCountRepository(database), Clock.systemUTC()));
        return server.url();
    }

    private static HttpRequest oneClick(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ONE_CLICK))
                .build();
    }

    @Test
    void aOneClickPostOverHttpsFromAClientTrustingTheCertificateRecordsTheUnsubscribe() throws Exception {
        String base = startWithTls();
        assertThat(base).startsWith("https://127.0.0.1:");
        String url =
                links.make("ann@example.com", Optional.of("spring"), base).url().toString();
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestKeyStores.trusting(keystore, PASSWORD))
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> answer = client.send(oneClick(url), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(unsubscribes.isUnsubscribed(new Email("ann@example.com"))).isTrue();
    }

    @Test
    void aClientOfferingOnlyTls12IsServedAndNothingOlderIsOffered() throws Exception {
        String base = startWithTls();
        SSLParameters onlyTls12 = new SSLParameters();
        onlyTls12.setProtocols(new String[] {"TLSv1.2"});
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestKeyStores.trusting(keystore, PASSWORD))
                .sslParameters(onlyTls12)
                .build();

        assertThat(client.send(
                                HttpRequest.newBuilder(URI.create(base + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(IntakeCertificate.read(keystore, Optional.of(PASSWORD), Instant.now())
                        .parameters()
                        .getProtocols())
                .containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswerAndRecordsNothing() throws Exception {
        String base = startWithTls();
        String url = links.make("ann@example.com", Optional.empty(), base).url().toString();
        HttpClient plain =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() ->
                        plain.send(oneClick(url.replace("https://", "http://")), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(unsubscribes.count()).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> IntakeCertificate.read(keystore, Optional.of("not-it"), Instant.now()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UNSUBSCRIBE_SYNC_INTAKE_TLS_PASSWORD does not open it");
    }

    @Test
    void withoutThePasswordVariableTheFileIsNotTried() {
        assertThatThrownBy(() -> IntakeCertificate.read(keystore, Optional.empty(), Instant.now()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "needs the file's password in the environment variable " + IntakeCertificate.PASSWORD_VARIABLE);
    }

    @Test
    void anExpiredCertificateIsRefusedSayingWhenItExpired() throws IOException {
        Path expired = TestKeyStores.expired(certificates, PASSWORD);

        assertThatThrownBy(() -> IntakeCertificate.read(expired, Optional.of(PASSWORD), Instant.now()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageMatching(".*its certificate \\(CN=localhost,O=Unsubscribe Sync tests\\) expired on "
                        + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC: renew it.*");
    }

    @Test
    void aCertificateWithoutItsPrivateKeyIsRefused() throws IOException {
        Path certificateOnly = TestKeyStores.certificateOnly(certificates, PASSWORD);

        assertThatThrownBy(() -> IntakeCertificate.read(certificateOnly, Optional.of(PASSWORD), Instant.now()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds no private key");
    }

    @Test
    void aMissingFileAndAFileThatIsNoKeyStoreAreRefused() throws IOException {
        Path notThere = certificates.resolve("not-there.p12");
        Path text = Files.writeString(certificates.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");

        assertThatThrownBy(() -> IntakeCertificate.read(notThere, Optional.of(PASSWORD), Instant.now()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> IntakeCertificate.read(text, Optional.of(PASSWORD), Instant.now()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a PKCS12 key store");
    }
}
