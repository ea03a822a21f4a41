package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.oauth.ConnectedApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The browser sign-in and client credentials through the real HTTP flow against a local org set up as Salesforce
 * ships a connected app: the callback matched character for character, the consumer secret required for the code
 * exchange and the refresh, client credentials only on the org's own address.
 */
class StrictBrowserSignInTest {
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void theDocumentedCallbackIsLocalhostOnAPortOfItsOwnAndSignsInAgainstTheDefaultConnectedApp() throws Exception {
        assertThat(OAuthCallback.defaultPort().url())
                .isEqualTo("http://localhost:27482/oauth/callback")
                .isEqualTo(ConnectedApp.DOCUMENTED_CALLBACK);
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            OrgSignIn.SignedIn signedIn =
                    signIn(org, true, OAuthCallback.defaultPort(), SimulatedBrowser.allowing(), Duration.ofSeconds(10));
            try (ForceWscOrg connected = signedIn.org()) {
                assertThat(connected.records().identity().organizationId()).isEqualTo(org.orgId());
            }
        }
    }

    @Test
    void aCallbackOtherThanTheRegisteredOneIsRefusedWithRedirectUriMismatchAndNeverComesBack() throws Exception {
        OAuthCallback registered = TestCallbacks.free();
        OAuthCallback other = TestCallbacks.free();
        try (LocalOrg org =
                TestCallbacks.orgFor(registered, LocalOrgOptions.defaults().withPeople(5))) {
            SimulatedBrowser browser = SimulatedBrowser.allowing();
            assertThatThrownBy(() -> signIn(org, true, other, browser, Duration.ofSeconds(2)))
                    .isInstanceOfSatisfying(
                            SalesforceException.class,
                            e -> assertThat(e.statusCode()).contains("TIMEOUT"));
            assertThat(browser.lastPage)
                    .contains("error=redirect_uri_mismatch")
                    .contains("redirect_uri must match configuration");
        }
    }

    @Test
    void withRequireSecretOnTheSignInWithoutTheSecretIsRefusedWithInvalidClient() throws Exception {
        OAuthCallback callback = TestCallbacks.free();
        try (LocalOrg org =
                TestCallbacks.orgFor(callback, LocalOrgOptions.defaults().withPeople(5))) {
            assertThatThrownBy(() -> signIn(org, false, callback, SimulatedBrowser.allowing(), Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                        assertThat(e.statusCode()).contains("invalid_client");
                        assertThat(e.getMessage())
                                .contains("invalid client credentials")
                                .contains("if the External Client App requires the consumer secret, give it too");
                    });
        }
    }

    @Test
    void withRequireSecretOnTheSecretGoesWithTheCodeExchangeAndEveryRefresh() throws Exception {
        OAuthCallback callback = TestCallbacks.free();
        try (LocalOrg org =
                TestCallbacks.orgFor(callback, LocalOrgOptions.defaults().withPeople(5))) {
            OrgSignIn.SignedIn signedIn =
                    signIn(org, true, callback, SimulatedBrowser.allowing(), Duration.ofSeconds(10));
            SavedConnection.BrowserSignIn saved = (SavedConnection.BrowserSignIn) signedIn.saved();
            assertThat(saved.clientSecret()).contains(org.clientSecret());
            assertThat(saved.toString()).doesNotContain(org.clientSecret());
            try (ForceWscOrg connected = signedIn.org()) {
                String before = connected.session().sessionId();
                org.expireSessions();
                assertThat(connected.records().serverTime()).isNotNull();
                assertThat(connected.session().sessionId()).isNotEqualTo(before);
            }
            try (ForceWscOrg reopened = orgs.signIn(0).reopen(saved)) {
                assertThat(reopened.records().identity().organizationId()).isEqualTo(org.orgId());
            }
            SavedConnection.BrowserSignIn withoutSecret =
                    new SavedConnection.BrowserSignIn(saved.loginUrl(), saved.clientId(), saved.refreshToken());
            assertThatThrownBy(() -> orgs.signIn(0).reopen(withoutSecret))
                    .isInstanceOfSatisfying(
                            SalesforceException.class,
                            e -> assertThat(e.statusCode()).contains("invalid_client"));
        }
    }

    @Test
    void clientCredentialsOnAGenericLoginHostAreRefusedBeforeAnyCallWithTheMyDomainSentence() {
        AtomicInteger calls = new AtomicInteger();
        ProxySelector counting = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                calls.incrementAndGet();
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        };
        for (String host : List.of(
                "https://login.salesforce.com", "https://test.salesforce.com", "https://LOGIN.salesforce.com/")) {
            OrgSignIn signIn = new OrgSignIn(orgs.configs(), counting, () -> 0);
            assertThatThrownBy(() -> signIn.withClientSecret(LoginUrl.parse(host), "client", "secret"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("My Domain")
                    .hasMessageContaining("https://yourcompany.my.salesforce.com");
        }
        assertThat(calls).as("network calls").hasValue(0);
        assertThat(LoginUrl.parse("https://acme.my.salesforce.com").isGenericLoginHost())
                .isFalse();
        assertThat(LoginUrl.parse("https://acme--dev.sandbox.my.salesforce.com").isGenericLoginHost())
                .isFalse();
        assertThat(LoginUrl.parse("http://127.0.0.1:8123").isGenericLoginHost()).isFalse();
    }

    @Test
    void salesforcesRequestNotSupportedOnThisDomainBecomesTheSameMyDomainSentence() throws Exception {
        try (LocalOrg org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(5),
                ConnectedApp.defaults().withGenericLoginHost(true))) {
            LoginUrl loginHost = LoginUrl.parse(org.genericLoginUrl().orElseThrow());
            assertThatThrownBy(() -> orgs.signIn(0).withClientSecret(loginHost, org.clientId(), org.clientSecret()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(TokenEndpoint.myDomainNeeded(loginHost));
            try (ForceWscOrg onMyDomain = orgs.signIn(0)
                    .withClientSecret(LoginUrl.parse(org.url()), org.clientId(), org.clientSecret())
                    .org()) {
                assertThat(onMyDomain.records().identity().organizationId()).isEqualTo(org.orgId());
            }
        }
    }

    @Test
    void aTakenCallbackPortIsOneSentenceNamingThePortAndHowToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(1))) {
            OAuthCallback callback = new OAuthCallback(taken.getLocalPort());
            assertThatThrownBy(() -> orgs.signIn(0)
                            .inBrowser(
                                    LoginUrl.parse(org.url()),
                                    org.clientId(),
                                    Optional.empty(),
                                    callback,
                                    address -> {},
                                    Duration.ofSeconds(1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("Port " + callback.port() + " on this computer is taken")
                    .hasMessageContaining("--callback-port")
                    .hasMessageContaining("Connection screen")
                    .hasMessageNotContaining("\n");
        }
    }

    /** Signs in to {@code org} in {@code browser} through {@code callback}, with the consumer secret or without. */
    private OrgSignIn.SignedIn signIn(
            LocalOrg org, boolean withSecret, OAuthCallback callback, Browser browser, Duration wait) {
        Optional<String> secret = withSecret ? Optional.of(org.clientSecret()) : Optional.empty();
        return orgs.signIn(0).inBrowser(LoginUrl.parse(org.url()), org.clientId(), secret, callback, browser, wait);
    }
}
