package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole-call faults injected into the local org, seen through force-wsc and classified once. */
class CallFaultsTest {
    private static LocalOrg org;
    private final TestOrgs orgs = new TestOrgs();

    @BeforeAll
    static void start() throws Exception {
        org = TestOrgs.start(60);
    }

    @AfterEach
    void clearFaults() {
        org.faults().clear();
        org.faults().dailyApiLimit(100_000);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    void aMaintenancePageIsRetriedWithCappedGrowingWaitsThenReportedUnavailable() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            org.faults().maintenancePage(1.0);
            assertThatThrownBy(connected.records()::serverTime).isInstanceOfSatisfying(SalesforceException.class, e -> {
                assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE);
                assertThat(e.statusCode()).contains("HTML_RESPONSE");
                assertThat(e.getMessage()).doesNotContain("\n");
            });
            assertThat(orgs.waits).hasSize(3);
            assertThat(orgs.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(orgs.waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(orgs.waits.get(2)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        }
    }

    @Test
    void aMaintenancePageThatEndsIsRetriedWithoutTheCallerNoticing() {
        ConnectorConfigs configs = orgs.configs(delay -> org.faults().clear());
        try (ForceWscOrg connected = orgs.connect(org, configs, 0)) {
            org.faults().maintenancePage(1.0);
            int used = org.apiCallsUsed();
            long tries = connected.records().callsMade();
            assertThat(connected.records().serverTime()).isNotNull();
            assertThat(connected.records().callsMade() - tries)
                    .as("the app tried twice")
                    .isEqualTo(2);
            assertThat(org.apiCallsUsed() - used)
                    .as("the org counts the request it answered, the retry")
                    .isEqualTo(1);
        }
    }

    @Test
    void aDroppedConnectionIsUnavailableAndRetried() {
        ConnectorConfigs configs = orgs.configs(delay -> org.faults().clear());
        try (ForceWscOrg connected = orgs.connect(org, configs, 0)) {
            org.faults().dropConnections(1.0);
            List<OrgRecord> rows = new ArrayList<>();
            connected
                    .records()
                    .pullChanged(SObjectType.LEAD, OptOutField.EMAIL_OPT_OUT_API_NAME, Optional.empty(), rows::addAll);
            assertThat(rows).isNotEmpty();
        }
        try (ForceWscOrg connected = orgs.connect(org)) {
            org.faults().dropConnections(1.0);
            assertThatThrownBy(connected.records()::serverTime)
                    .isInstanceOfSatisfying(
                            SalesforceException.class,
                            e -> assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE));
        }
    }

    @Test
    void aTimeoutIsUnavailable() {
        TestOrgs impatient = new TestOrgs(Duration.ofMillis(800));
        try (ForceWscOrg connected = impatient.connect(org)) {
            org.faults().latency(Duration.ofMillis(2000));
            assertThatThrownBy(connected.records()::serverTime).isInstanceOfSatisfying(SalesforceException.class, e -> {
                assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("timed out");
            });
            assertThat(impatient.waits).hasSize(3);
        }
    }

    @Test
    void theDailyLimitStopsWorkAtOnceWithoutRetrying() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            org.faults().dailyApiLimit(org.apiCallsUsed());
            assertThatThrownBy(connected.records()::serverTime).isInstanceOfSatisfying(SalesforceException.class, e -> {
                assertThat(e.kind()).isEqualTo(SalesforceException.Kind.API_LIMIT_EXCEEDED);
                assertThat(e.statusCode()).contains("REQUEST_LIMIT_EXCEEDED");
                assertThat(e.getMessage()).contains("TotalRequests Limit exceeded.");
            });
            assertThat(orgs.waits).isEmpty();
        }
    }

    @Test
    void everyCallsLimitInfoHeaderIsRecorded() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            connected.records().serverTime();
            assertThat(connected.records().apiUsage()).contains(new ApiUsage(org.apiCallsUsed(), 100_000));
            connected.records().serverTime();
            assertThat(connected.records().apiUsage().orElseThrow().used()).isEqualTo(org.apiCallsUsed());
        }
    }

    @Test
    void workThatWouldCutIntoTheReserveIsRefusedBeforeAnyCall() {
        org.faults().dailyApiLimit(org.apiCallsUsed() + 12);
        try (ForceWscOrg connected = orgs.connect(org, orgs.configs(), 50)) {
            long before = connected.records().callsMade();
            List<SalesforceId> ids = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                ids.add(SalesforceId.parse(String.format("003000000000%03d", i)));
            }
            assertThatThrownBy(
                            () -> connected.records().setOptOut(SObjectType.CONTACT, "HasOptedOutOfEmail", ids, true))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.API_LIMIT_EXCEEDED);
                        assertThat(e.statusCode()).contains(ForceWscOrg.RESERVE_REACHED);
                        assertThat(e.getMessage()).contains("50%");
                    });
            assertThat(connected.records().callsMade()).isEqualTo(before);
        }
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallGoesOn() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            // Each session serves one call and expires on its second: every call after the first is renewed and
            // retried once, and the retry, the first call of a fresh session, goes through.
            org.faults().expireSessionEvery(2);
            for (int i = 0; i < 6; i++) {
                assertThat(connected.records().serverTime()).isNotNull();
            }
        }
    }

    @Test
    void aSessionRenewedWhileAnotherConnectionCallsServesTheRetriedCall() {
        try (ForceWscOrg other = orgs.connect(org)) {
            SessionSource busy = new SessionSource() {
                private final SessionSource real =
                        SessionSource.clientCredentials(orgs.tokens(org), org.clientSecret());

                @Override
                public OrgSession open() {
                    return real.open();
                }

                @Override
                public OrgSession renew() {
                    // The console and a scheduled run share the org: the other one calls while this one renews.
                    other.records().serverTime();
                    other.records().serverTime();
                    return real.renew();
                }
            };
            try (ForceWscOrg connected = ForceWscOrg.open(orgs.configs(), busy, () -> 0, false, () -> {})) {
                org.faults().expireSessionEvery(3);
                for (int i = 0; i < 7; i++) {
                    assertThat(connected.records().serverTime()).isNotNull();
                }
            }
        }
    }

    @Test
    void aRenewalTheOrgRefusesIsAnAuthenticationFailure() {
        SessionSource refused = new SessionSource() {
            private final SessionSource real = SessionSource.clientCredentials(orgs.tokens(org), org.clientSecret());

            @Override
            public OrgSession open() {
                return real.open();
            }

            @Override
            public OrgSession renew() {
                return SessionSource.clientCredentials(orgs.tokens(org), "revoked")
                        .renew();
            }
        };
        try (ForceWscOrg connected = ForceWscOrg.open(orgs.configs(), refused, () -> 0, false, () -> {})) {
            org.expireSessions();
            assertThatThrownBy(connected.records()::serverTime)
                    .isInstanceOfSatisfying(
                            SalesforceException.class,
                            e -> assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION));
        }
    }

    @Test
    void aRefusedQueryIsReportedWithSalesforcesCodeAndMessage() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            assertThatThrownBy(() -> connected
                            .records()
                            .pullChanged(SObjectType.CONTACT, "Missing__c", Optional.empty(), rows -> {}))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
                        assertThat(e.statusCode()).contains("INVALID_FIELD");
                        assertThat(e.getMessage()).contains("Missing__c");
                    });
            assertThat(orgs.waits).isEmpty();
        }
    }
}
