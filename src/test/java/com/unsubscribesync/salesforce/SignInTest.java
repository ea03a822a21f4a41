package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignInTest {
    private static final OAuthCallback CALLBACK = TestCallbacks.free();
    private static LocalOrg org;
    private final TestOrgs orgs = new TestOrgs();

    @BeforeAll
    static void start() throws Exception {
        org = TestCallbacks.orgFor(CALLBACK, LocalOrgOptions.defaults().withPeople(50));
    }

    private static Optional<String> secret() {
        return Optional.of(org.clientSecret());
    }

    /** Signs in to the local org through {@code browser}, waiting at most {@code wait} for it to come back. */
    private OrgSignIn.SignedIn inBrowser(Browser browser, Duration wait) {
        return orgs.signIn(0).inBrowser(LoginUrl.parse(org.url()), org.clientId(), secret(), CALLBACK, browser, wait);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    void browserSignInWithPkceFollowsTheAuthorizePageAndKeepsARefreshToken() {
        SimulatedBrowser browser = SimulatedBrowser.allowing();
        OrgSignIn.SignedIn signedIn = inBrowser(browser, Duration.ofSeconds(10));
        try (ForceWscOrg connected = signedIn.org()) {
            assertThat(browser.lastPage).contains("Allow");
            assertThat(browser.callbackPage())
                    .contains("Signed in")
                    .contains("connected to " + org.url())
                    .doesNotContain("Not signed in");
            assertThat(connected.records().identity().organizationId()).isEqualTo(org.orgId());
            assertThat(connected.records().identity().userName()).isEqualTo(org.username());
            assertThat(connected.records().identity().demo()).isFalse();
            SavedConnection.BrowserSignIn saved = (SavedConnection.BrowserSignIn) signedIn.saved();
            assertThat(saved.refreshToken()).isNotBlank();
            assertThat(saved.toString()).doesNotContain(saved.refreshToken());
            try (ForceWscOrg reopened = orgs.signIn(0).reopen(saved)) {
                assertThat(reopened.records().identity().organizationId()).isEqualTo(org.orgId());
            }
        }
    }

    @Test
    void aRedirectCarryingAnotherSignInsStateIsRefused() {
        SimulatedBrowser attacker =
                new SimulatedBrowser("allow", location -> location.replaceAll("state=[^&]*", "state=forged"));
        assertThatThrownBy(() -> inBrowser(attacker, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                    assertThat(e.statusCode()).contains("STATE_MISMATCH");
                });
        assertThat(attacker.callbackPage())
                .contains("Not signed in")
                .contains("different sign-in")
                .contains("sign in again")
                .doesNotContain("connected to");
    }

    @Test
    void denyingAccessInTheBrowserIsAnAuthenticationFailure() {
        SimulatedBrowser denying = new SimulatedBrowser("deny", location -> location);
        assertThatThrownBy(() -> inBrowser(denying, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                    assertThat(e.statusCode()).contains("access_denied");
                });
        assertThat(denying.callbackPage())
                .contains("Not signed in")
                .contains("denied authorization")
                .doesNotContain("is now connected");
    }

    @Test
    void aBrowserThatNeverComesBackTimesOut() {
        assertThatThrownBy(() -> inBrowser(address -> {}, Duration.ofMillis(200)))
                .isInstanceOfSatisfying(
                        SalesforceException.class,
                        e -> assertThat(e.statusCode()).contains("TIMEOUT"));
    }

    @Test
    void clientCredentialsConnectWithoutABrowser() {
        OrgSignIn.SignedIn signedIn =
                orgs.signIn(0).withClientSecret(LoginUrl.parse(org.url()), org.clientId(), org.clientSecret());
        try (ForceWscOrg connected = signedIn.org()) {
            assertThat(connected.records().identity().organizationName()).isNotBlank();
            assertThat(connected.records().serverTime()).isNotNull();
            assertThat(signedIn.saved().toString()).doesNotContain(org.clientSecret());
        }
    }

    @Test
    void aWrongClientSecretIsAnAuthenticationFailureThatNamesNoSecret() {
        assertThatThrownBy(() ->
                        orgs.signIn(0).withClientSecret(LoginUrl.parse(org.url()), org.clientId(), "not-the-secret"))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                    assertThat(e.statusCode()).contains("invalid_client");
                    assertThat(e.getMessage()).doesNotContain("not-the-secret").doesNotContain("\n");
                });
    }

    @Test
    void anExpiredBrowserSessionIsRenewedWithTheRefreshTokenWithoutTheCallerNoticing() {
        OrgSignIn.SignedIn signedIn = inBrowser(SimulatedBrowser.allowing(), Duration.ofSeconds(10));
        try (ForceWscOrg connected = signedIn.org()) {
            String before = connected.session().sessionId();
            org.expireSessions();
            List<OrgRecord> rows = new ArrayList<>();
            connected
                    .records()
                    .pullChanged(
                            SObjectType.CONTACT, OptOutField.EMAIL_OPT_OUT_API_NAME, Optional.empty(), rows::addAll);
            assertThat(rows).filteredOn(r -> !r.deleted()).hasSize(org.state().count("Contact"));
            assertThat(connected.session().sessionId()).isNotEqualTo(before);
        }
    }

    @Test
    void anExpiredClientCredentialsSessionIsRenewedForPartnerAndMetadataCalls() throws Exception {
        try (ForceWscOrg connected = orgs.connect(org)) {
            org.expireSessions();
            assertThat(connected
                            .records()
                            .checkField(new OptOutFieldRequest(OptOutField.EMAIL_OPT_OUT, Optional.empty()))
                            .objects())
                    .hasSize(2);
            assertThat(connected.layouts().listLayouts(SObjectType.LEAD)).isNotEmpty();
            org.expireSessions();
            assertThat(connected.layouts().listLayouts(SObjectType.LEAD)).isNotEmpty();
        }
    }

    @Test
    void legacyPasswordLoginWorksOnlyUpToApi64() {
        OrgSignIn.SignedIn signedIn =
                orgs.signIn(0).withPassword(LoginUrl.parse(org.url()), "64.0", org.username(), org.password());
        try (ForceWscOrg connected = signedIn.org()) {
            assertThat(connected.records().identity().userName()).isEqualTo(org.username());
            org.expireSessions();
            assertThat(connected.records().serverTime()).isNotNull();
        }
        assertThat(LegacyLogin.retirementWarning()).contains("June 2027");
        assertThatThrownBy(() ->
                        orgs.signIn(0).withPassword(LoginUrl.parse(org.url()), "65.0", org.username(), org.password()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("64.0");
        assertThatThrownBy(
                        () -> orgs.signIn(0).withPassword(LoginUrl.parse(org.url()), "64.0", org.username(), "wrong"))
                .isInstanceOfSatisfying(
                        SalesforceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION));
    }

    @Test
    void loginUrlsOtherThanLoopbackMustBeHttps() {
        assertThatThrownBy(() -> LoginUrl.parse("http://login.salesforce.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> LoginUrl.parse("ftp://login.salesforce.com"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(LoginUrl.parse("https://acme.my.salesforce.com/")
                        .tokenEndpoint()
                        .toString())
                .isEqualTo("https://acme.my.salesforce.com/services/oauth2/token");
        assertThat(LoginUrl.parse("http://127.0.0.1:8123").toString()).isEqualTo("http://127.0.0.1:8123");
        assertThat(LoginUrl.parse("http://localhost:8123/x").toString()).isEqualTo("http://localhost:8123");
    }

    @Test
    void anOrgThatPointsAtPlainHttpOffThisMachineIsRefusedBeforeTheSessionIsUsed() {
        String identity = "https://login.salesforce.com/id/00D000000000001EAA/005000000000001AAA";
        assertThatThrownBy(() ->
                        OrgSession.fromOAuth("token", "http://acme.my.salesforce.com", identity, Optional.empty()))
                .isInstanceOf(SalesforceException.class)
                .hasMessageContaining("not https")
                .hasMessageNotContaining("token");
        assertThat(OrgSession.fromOAuth("token", "https://acme.my.salesforce.com", identity, Optional.empty())
                        .partnerEndpoint())
                .startsWith("https://acme.my.salesforce.com/services/Soap/u/");
        assertThat(OrgSession.fromOAuth("token", "http://127.0.0.1:8123", identity, Optional.empty())
                        .instanceUrl())
                .isEqualTo("http://127.0.0.1:8123");
    }
}
