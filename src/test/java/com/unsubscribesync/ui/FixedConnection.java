package com.unsubscribesync.ui;

import com.unsubscribesync.domain.SyncSettings;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A connection that reports the org it is given, for screens whose words depend on which org is connected:
 * the demo org, another org, or none. Connecting the demo org switches it to the demo.
 */
public final class FixedConnection implements OrgConnections {
    private volatile OrgState state;

    public FixedConnection(OrgState state) {
        this.state = state;
    }

    public static OrgState demo() {
        return new OrgState(true, true, "Demo org", "admin@demo.example", "http://127.0.0.1", Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static OrgState realOrg(String name, String user) {
        return new OrgState(true, false, name, user, "https://acme.my.salesforce.com", Map.of(), Optional.of(120L),
                Optional.of(15_000L), Optional.empty());
    }

    public static OrgState none() {
        return OrgState.notConnected(null);
    }

    @Override
    public boolean connected() {
        return state.connected();
    }

    @Override
    public OrgState summary() {
        return state;
    }

    @Override
    public OrgState connectDemo() {
        state = demo();
        return state;
    }

    @Override
    public OrgState logIn(SignInRequest request, Consumer<String> said) {
        throw new IllegalStateException("Salesforce refused the log-in: unknown client id " + request.clientId());
    }

    @Override
    public int defaultCallbackPort() {
        return com.unsubscribesync.salesforce.OAuthCallback.DEFAULT_PORT;
    }

    @Override
    public String callbackUrl(int port) {
        return new com.unsubscribesync.salesforce.OAuthCallback(port).url();
    }

    @Override
    public void disconnect() {
        state = none();
    }

    @Override
    public OrgState state(SyncSettings settings) {
        return state;
    }
}
