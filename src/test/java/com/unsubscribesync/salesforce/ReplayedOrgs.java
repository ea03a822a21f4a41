package com.unsubscribesync.salesforce;

import java.net.ProxySelector;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The app's own Salesforce classes pointed at a {@link ReplayServer}, configured as the app configures them. */
final class ReplayedOrgs {
    static final String ORG_ID = "00Dx0000000BV7zEAG";
    static final String USER_ID = "005x00000012Q9PAAU";

    private final TestOrgs orgs = new TestOrgs();
    private final ReplayServer server;

    ReplayedOrgs(ReplayServer server) {
        this.server = server;
        server.answeringIdentityWith(identity());
    }

    /** As the app's, with Bulk API polling that does not sleep. */
    ConnectorConfigs configs() {
        return orgs.configs(BulkPolling.defaults().withSleeper(delay -> {}));
    }

    /** A session on the replay server; {@code n} tells sessions apart. */
    OrgSession session(int n) {
        String base = server.url();
        String suffix = "/" + ConnectorConfigs.API_VERSION + "/" + ORG_ID.substring(0, 15);
        return new OrgSession(
                "replayed-session-" + n,
                base,
                ORG_ID,
                USER_ID,
                base + "/services/Soap/u" + suffix,
                base + "/services/Soap/m" + suffix,
                Optional.empty());
    }

    /** Sessions that count how often the app asked for a new one. */
    final class CountingSessions implements SessionSource {
        final AtomicInteger renewals = new AtomicInteger();

        @Override
        public OrgSession open() {
            return session(0);
        }

        @Override
        public OrgSession renew() {
            return session(renewals.incrementAndGet());
        }
    }

    CountingSessions sessions() {
        return new CountingSessions();
    }

    ForceWscOrg open(SessionSource sessions) {
        return ForceWscOrg.open(configs(), sessions, () -> 0, false, () -> {});
    }

    TokenEndpoint tokens() {
        return new TokenEndpoint(
                LoginUrl.parse(server.url()), "replayed-client-id", configs().options(), ProxySelector.getDefault());
    }

    /** The answer to getUserInfo, which every connection asks first: a real org's, captured. */
    static ReplayServer.Answer identity() {
        return ReplayServer.Answer.capture("partner-getuserinfo.xml");
    }
}
