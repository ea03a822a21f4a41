package com.unsubscribesync.ui;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.OAuthCallback;
import com.unsubscribesync.usecase.BrowserSignIn;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ConnectedOrg;
import com.unsubscribesync.usecase.ConnectionPlace;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.OrgConnection;
import com.unsubscribesync.usecase.OrgState;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A connection that reports the org it is given, for screens whose words depend on which org is connected: the demo
 * org, another org, or none. Connecting the demo org switches it to the demo; a browser sign-in is refused.
 */
public final class FixedConnection implements OrgConnection {
    private volatile Function<SyncSettings, OrgState> state;
    private volatile boolean connected;
    private volatile ConnectionPlace place = ConnectionPlace.THIS_COMPUTER;

    public FixedConnection(OrgState state) {
        this.state = settings -> state;
        this.connected = state.connected();
    }

    /** @param state what the connected org answers, for the settings as saved */
    public FixedConnection(Function<SyncSettings, OrgState> state) {
        this.state = state;
        this.connected = true;
    }

    public static OrgState demo() {
        return org("Demo org", "admin@demo.example", "http://127.0.0.1", true, Optional.empty(), Optional.empty());
    }

    public static OrgState realOrg(String name, String user) {
        return org(name, user, "https://acme.my.salesforce.com", false, Optional.of(120L), Optional.of(15_000L));
    }

    public static OrgState none() {
        return OrgState.notConnected(Optional.empty());
    }

    /** A connected org without field answers. */
    public static OrgState org(
            String name, String user, String url, boolean demo, Optional<Long> apiUsed, Optional<Long> apiLimit) {
        return new OrgState(
                Optional.of(new ConnectedOrg("00D000000000001", name, user, url, demo, Optional.empty())),
                Map.of(),
                apiUsed,
                apiLimit,
                Optional.empty(),
                Optional.empty());
    }

    /** The org with the same field answer on Leads and Contacts. */
    public static OrgState withField(OrgState org, FieldState field) {
        Map<SObjectType, FieldState> fields = new EnumMap<>(SObjectType.class);
        for (SObjectType type : SObjectType.values()) {
            fields.put(type, field);
        }
        return new OrgState(org.org(), fields, org.apiUsed(), org.apiLimit(), org.problem(), org.rights());
    }

    /** The use case over this connection, for view model tests without a data directory. */
    public ConnectOrg connectOrg() {
        return new ConnectOrg(this, SyncSettings::defaults, () -> {}, this::saved);
    }

    @Override
    public ConnectedOrg connectDemo() {
        OrgState demo = demo();
        state = settings -> demo;
        connected = true;
        return demo.org().orElseThrow();
    }

    @Override
    public ConnectedOrg connectWithClientSecret(String loginUrl, String clientId, String secretVariable) {
        throw new IllegalStateException("Salesforce refused the log-in: unknown client id " + clientId);
    }

    @Override
    public ConnectedOrg connectInBrowser(BrowserSignIn signIn, PrintWriter out) {
        throw new IllegalStateException("Salesforce refused the log-in: unknown client id " + signIn.clientId());
    }

    @Override
    public String callbackUrl(OptionalInt port) {
        return new OAuthCallback(port.orElse(OAuthCallback.DEFAULT_PORT)).url();
    }

    @Override
    public int defaultCallbackPort() {
        return OAuthCallback.DEFAULT_PORT;
    }

    /** The connection as a team's node sees it: kept in the shared store. */
    public FixedConnection keptInTheTeamStore() {
        place = ConnectionPlace.TEAM_STORE;
        return this;
    }

    @Override
    public ConnectionPlace place() {
        return place;
    }

    @Override
    public boolean disconnect() {
        boolean was = connected;
        state = settings -> none();
        connected = false;
        return was;
    }

    @Override
    public OrgState status(SyncSettings settings) {
        return state.apply(settings);
    }

    @Override
    public boolean saved() {
        return connected;
    }
}
