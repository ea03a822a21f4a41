package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import com.unsubscribesync.testing.TestClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class SessionsAndLimitsTest {

    @Test
    void anExpiredSessionIsRenewedBySessionRenewerAndTheCallSucceeds() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(20))) {
            ConnectorConfig config = Clients.partnerConfig(org, org.issueAccessToken());
            AtomicInteger renewals = new AtomicInteger();
            config.setSessionRenewer(renewer(org, renewals, new AtomicReference<>()));
            PartnerConnection pc = new PartnerConnection(config);
            assertThat(pc.getUserInfo().getUserName()).isEqualTo(org.username());
            org.expireSessions();
            assertThat(pc.query("SELECT Id FROM Contact").getSize()).isPositive();
            assertThat(renewals).hasValue(1);
        }
    }

    @Test
    void injectedSessionExpiryEveryNCallsIsRenewedToo() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(20).withFaults("session-expire-every:3"))) {
            ConnectorConfig config = Clients.partnerConfig(org, org.issueAccessToken());
            AtomicInteger renewals = new AtomicInteger();
            AtomicReference<PartnerConnection> connection = new AtomicReference<>();
            config.setSessionRenewer(renewer(org, renewals, connection));
            PartnerConnection pc = new PartnerConnection(config);
            connection.set(pc);
            for (int i = 0; i < 6; i++) {
                pc.getServerTimestamp();
            }
            assertThat(renewals.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aSessionIssuedByARenewalServesTheRetriedCallWhateverOtherClientsCallMeanwhile() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(20).withFaults("session-expire-every:3"))) {
            ConnectorConfig otherConfig = Clients.partnerConfig(org, org.issueAccessToken());
            AtomicReference<PartnerConnection> other = new AtomicReference<>();
            otherConfig.setSessionRenewer(renewer(org, new AtomicInteger(), other));
            other.set(new PartnerConnection(otherConfig));

            ConnectorConfig config = Clients.partnerConfig(org, org.issueAccessToken());
            AtomicInteger renewals = new AtomicInteger();
            AtomicReference<PartnerConnection> connection = new AtomicReference<>();
            SessionRenewer renewer = renewer(org, renewals, connection);
            config.setSessionRenewer(renewing -> {
                // Another client of the org calls while this one renews, as the console and a scheduled run do.
                other.get().getServerTimestamp();
                other.get().getServerTimestamp();
                return renewer.renewSession(renewing);
            });
            PartnerConnection pc = new PartnerConnection(config);
            connection.set(pc);
            int before = org.apiCallsUsed();
            for (int i = 0; i < 7; i++) {
                pc.getServerTimestamp();
            }
            assertThat(renewals)
                    .as("each session expires on its own third call")
                    .hasValue(3);
            assertThat(org.apiCallsUsed() - before)
                    .as("every admitted request counts, the retries too, the other "
                            + "client's calls too; a refused session costs nothing")
                    .isEqualTo(7 + 6);
        }
    }

    @Test
    void anUnknownSessionIsAnInvalidSessionFault() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            PartnerConnection pc = new PartnerConnection(Clients.partnerConfig(org, "00Dnotasession"));
            assertThatThrownBy(pc::getUserInfo)
                    .isInstanceOfSatisfying(
                            UnexpectedErrorFault.class,
                            fault -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
        }
    }

    @Test
    void everyResponseCarriesTheApiCounterAndTheLimitIsEnforced() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withApiLimit(3))) {
            PartnerConnection pc = Clients.partner(org);
            pc.getServerTimestamp();
            assertThat(pc.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(1);
            assertThat(pc.getLimitInfoHeader().getLimitInfo()[0].getLimit()).isEqualTo(3);
            assertThat(pc.getLimitInfoHeader().getLimitInfo()[0].getType()).isEqualTo("API REQUESTS");
            pc.getServerTimestamp();
            pc.getServerTimestamp();
            assertThatThrownBy(pc::getServerTimestamp)
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            fault -> assertThat(fault.getExceptionCode())
                                    .isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
            org.faults().dailyApiLimit(10);
            pc.getServerTimestamp();
            assertThat(org.apiCallsUsed()).isEqualTo(4);
        }
    }

    @Test
    void theDailyAllowanceCountsTheCallsOfTheLast24HoursAndDoesNotResetAtUtcMidnight() throws Exception {
        TestClock clock = TestClock.at("2026-03-10T22:00:00Z");
        try (LocalOrg org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(5).withApiLimit(3).withClock(clock))) {
            PartnerConnection pc = Clients.partner(org);
            pc.getServerTimestamp();
            pc.getServerTimestamp();
            clock.set(Instant.parse("2026-03-10T23:30:00Z"));
            pc.getServerTimestamp();
            assertThat(pc.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(3);

            clock.set(Instant.parse("2026-03-11T00:30:00Z"));
            assertThatThrownBy(pc::getServerTimestamp)
                    .as("a new UTC day frees nothing")
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            fault -> assertThat(fault.getExceptionCode())
                                    .isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));

            clock.set(Instant.parse("2026-03-11T21:59:59Z"));
            assertThat(org.apiCallsUsed())
                    .as("both 22:00 calls still within 24 hours")
                    .isEqualTo(3);
            clock.set(Instant.parse("2026-03-11T22:00:00Z"));
            PartnerConnection later = Clients.partner(org);
            later.getServerTimestamp();
            assertThat(later.getLimitInfoHeader().getLimitInfo()[0].getCurrent())
                    .as("the two calls of 22:00 yesterday are forgotten, the one of 23:30 is not")
                    .isEqualTo(2);
            later.getServerTimestamp();
            assertThatThrownBy(later::getServerTimestamp)
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            fault -> assertThat(fault.getExceptionCode())
                                    .isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
            clock.set(Instant.parse("2026-03-11T23:30:00Z"));
            later.getServerTimestamp();
            assertThat(later.getLimitInfoHeader().getLimitInfo()[0].getCurrent())
                    .isEqualTo(3);
        }
    }

    @Test
    void legacyLoginWorksUpToApi64Only() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            ConnectorConfig legacy = new ConnectorConfig();
            legacy.setAuthEndpoint(org.authEndpoint("64.0"));
            legacy.setUsername(org.username());
            legacy.setPassword(org.password());
            PartnerConnection pc = new PartnerConnection(legacy);
            assertThat(legacy.getServiceEndpoint()).isEqualTo(org.partnerEndpoint("64.0"));
            assertThat(pc.getUserInfo().getUserName()).isEqualTo(org.username());

            ConnectorConfig wrong = new ConnectorConfig();
            wrong.setAuthEndpoint(org.authEndpoint("64.0"));
            wrong.setUsername(org.username());
            wrong.setPassword("not-the-password");
            assertThatThrownBy(() -> new PartnerConnection(wrong))
                    .isInstanceOfSatisfying(
                            LoginFault.class,
                            fault -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN));

            ConnectorConfig current = new ConnectorConfig();
            current.setAuthEndpoint(org.authEndpoint("65.0"));
            current.setUsername(org.username());
            current.setPassword(org.password());
            assertThatThrownBy(() -> new PartnerConnection(current))
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            fault -> assertThat(fault.getExceptionCode())
                                    .isEqualTo(ExceptionCode.UNSUPPORTED_API_VERSION));
        }
    }

    @Test
    void loginResultShapeIsWhatForceWscExpects() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            ConnectorConfig config = new ConnectorConfig();
            config.setManualLogin(true);
            config.setServiceEndpoint(org.authEndpoint("60.0"));
            LoginResult result = new PartnerConnection(config).login(org.username(), org.password());
            assertThat(result.getMetadataServerUrl()).isEqualTo(org.metadataEndpoint("60.0"));
            assertThat(result.getUserInfo().getOrganizationId()).isEqualTo(org.orgId());
            assertThat(result.getSessionId()).startsWith(org.orgId().substring(0, 15) + "!");
        }
    }

    @Test
    void retiredApiVersionsAreRefused() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            ConnectorConfig config = Clients.partnerConfig(org, org.issueAccessToken());
            config.setServiceEndpoint(org.url() + "/services/Soap/u/30.0");
            assertThatThrownBy(() -> new PartnerConnection(config).getUserInfo())
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.UNSUPPORTED_API_VERSION));
        }
    }

    /** Renews like an app would: a new token for this call, and for the connection's later calls. */
    private static SessionRenewer renewer(
            LocalOrg org, AtomicInteger renewals, AtomicReference<PartnerConnection> connection) {
        return config -> {
            renewals.incrementAndGet();
            String token = org.issueAccessToken();
            config.setSessionId(token);
            if (connection.get() != null) {
                connection.get().setSessionHeader(token);
            }
            SessionHeader_element header = new SessionHeader_element();
            header.setSessionId(token);
            SessionRenewer.SessionRenewalHeader renewal = new SessionRenewer.SessionRenewalHeader();
            renewal.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
            renewal.headerElement = header;
            return renewal;
        };
    }
}
