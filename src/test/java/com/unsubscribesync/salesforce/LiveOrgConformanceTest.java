package com.unsubscribesync.salesforce;

import java.net.ProxySelector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The conformance suite against a real org (a free Developer Edition is enough), only with
 * {@code mvn -B verify -Plive-org} and the org named in the environment:
 * <ul>
 * <li>{@code SF_LIVE_MY_DOMAIN}: the org's My Domain URL, e.g. https://acme-dev-ed.develop.my.salesforce.com;</li>
 * <li>{@code SF_LIVE_CLIENT_ID}: the consumer key of the connected app or External Client App;</li>
 * <li>{@code SF_LIVE_REFRESH_TOKEN} (browser sign-in's refresh token) or {@code SF_LIVE_CLIENT_SECRET} (client
 * credentials flow with a run-as user);</li>
 * <li>{@code SF_LIVE_WRITE=true} to let the suite create, opt out and delete one test Lead.</li>
 * </ul>
 * Without {@code SF_LIVE_MY_DOMAIN} the class is skipped; the build excludes its tag unless the profile is on.
 */
@Tag("live-org")
@EnabledIfEnvironmentVariable(named = "SF_LIVE_MY_DOMAIN", matches = ".+")
class LiveOrgConformanceTest extends OrgConformanceSuite {
    private final ConnectorConfigs configs = new ConnectorConfigs(
            ConnectionOptions.defaults("UnsubscribeSyncConformance/1"), ProxySelector.getDefault());

    @Override
    protected ForceWscOrg connect() {
        LoginUrl myDomain = LoginUrl.parse(required("SF_LIVE_MY_DOMAIN"));
        String clientId = required("SF_LIVE_CLIENT_ID");
        OrgSignIn signIn = new OrgSignIn(configs, ProxySelector.getDefault(), () -> 0);
        String refreshToken = System.getenv("SF_LIVE_REFRESH_TOKEN");
        if (refreshToken != null && !refreshToken.isBlank()) {
            return signIn.reopen(new SavedConnection.BrowserSignIn(myDomain.toString(), clientId, refreshToken));
        }
        return signIn.withClientSecret(myDomain, clientId, required("SF_LIVE_CLIENT_SECRET"))
                .org();
    }

    @Override
    protected ConnectorConfigs configs() {
        return configs;
    }

    @Override
    protected boolean writesAllowed() {
        return "true".equalsIgnoreCase(System.getenv("SF_LIVE_WRITE"));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "Set " + name + " to check against a real org: see README, 'Checking " + "against a real org'.");
        }
        return value;
    }
}
