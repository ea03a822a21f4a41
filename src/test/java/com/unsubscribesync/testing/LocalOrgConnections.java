package com.unsubscribesync.testing;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ConnectorConfigs;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.SessionSource;
import com.unsubscribesync.salesforce.TokenEndpoint;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.function.IntSupplier;

/** The app's own connection to a local org, signed in with the org's client credentials, as the tests open it. */
public final class LocalOrgConnections {
    private LocalOrgConnections() {}

    /** The app's defaults, with a read timeout long enough for a busy test machine. */
    public static ConnectionOptions options() {
        return ConnectionOptions.defaults("UnsubscribeSyncTest/1").withReadTimeout(Duration.ofSeconds(20));
    }

    public static ForceWscOrg open(LocalOrg org) {
        return open(org, options());
    }

    public static ForceWscOrg open(LocalOrg org, ConnectionOptions options) {
        return open(org, options, () -> 1);
    }

    /** @param callsInFlight the most calls the connection keeps going at once, read as each call asks */
    public static ForceWscOrg open(LocalOrg org, ConnectionOptions options, IntSupplier callsInFlight) {
        TokenEndpoint tokens =
                new TokenEndpoint(LoginUrl.parse(org.url()), org.clientId(), options, ProxySelector.getDefault());
        return ForceWscOrg.open(
                new ConnectorConfigs(options, ProxySelector.getDefault()),
                SessionSource.clientCredentials(tokens, org.clientSecret()),
                () -> 0,
                callsInFlight,
                false,
                () -> {});
    }
}
