package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OAuth token answers and errors as Salesforce sends them, read by the app's token endpoint. */
class OAuthCapturesTest {
    @RegisterExtension
    final Replay replay = new Replay();

    @Test
    void aRealTokenAnswerBecomesASessionOnTheInstanceWithTheOrgAndUserFromItsIdentityAddress() {
        replay.server().thenCapture("oauth-token.json");
        OrgSession session = replay.orgs().tokens().refresh("kept-refresh-token");

        assertThat(session.instanceUrl()).isEqualTo("https://na1.salesforce.com");
        assertThat(session.organizationId()).isEqualTo("00Dx0000000BV7z");
        assertThat(session.userId()).isEqualTo("005x00000012Q9P");
        assertThat(session.partnerEndpoint())
                .isEqualTo("https://na1.salesforce.com/services/Soap/u/" + ConnectorConfigs.API_VERSION
                        + "/00Dx0000000BV7z");
        assertThat(session.metadataEndpoint()).startsWith("https://na1.salesforce.com/services/Soap/m/");
        assertThat(session.bulkEndpoint())
                .isEqualTo("https://na1.salesforce.com/services/async/" + ConnectorConfigs.API_VERSION);
        assertThat(session.refreshToken()).contains("kept-refresh-token");
        assertThat(replay.server().requests().get(0).path()).isEqualTo("/services/oauth2/token");
        assertThat(replay.server().requests().get(0).body()).contains("grant_type=refresh_token");
    }

    @Test
    void aRealWrongPasswordAnswerIsAnAuthenticationFailureQuotingSalesforce() {
        replay.server().thenCapture("oauth-error-invalid-password.json");
        assertThatThrownBy(() -> replay.orgs().tokens().clientCredentials("a-secret"))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                    assertThat(e.statusCode()).contains("invalid_grant");
                    assertThat(e.getMessage())
                            .contains("authentication failure - Invalid Password")
                            .doesNotContain("a-secret");
                });
    }

    @Test
    void aRealExpiredRefreshTokenAnswerAsksTheAdminToConnectAgain() {
        replay.server().thenCapture("oauth-error-expired-refresh-token.json");
        assertThatThrownBy(() -> replay.orgs().tokens().refresh("an-old-refresh-token"))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                    assertThat(e.statusCode()).contains("invalid_grant");
                    assertThat(e.getMessage())
                            .contains("expired access/refresh token")
                            .contains("connect again")
                            .doesNotContain("an-old-refresh-token");
                });
    }
}
