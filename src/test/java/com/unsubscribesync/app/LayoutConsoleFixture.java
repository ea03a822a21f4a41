package com.unsubscribesync.app;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ConnectorConfigs;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SessionSource;
import com.unsubscribesync.salesforce.TokenEndpoint;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.ui.ConsoleServices;
import com.unsubscribesync.ui.OrgConnections;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's services wired as the app wires them, working on an in-process local org (the demo org's engine)
 * reached through OAuth and SOAP: what the layout wizard needs, since page layouts live in the Metadata API.
 */
final class LayoutConsoleFixture implements AutoCloseable {
    final LocalOrg org;
    final ConsoleServices services;
    private final AppWorkspace workspace;

    LayoutConsoleFixture(Path dataDirectory) throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5));
        workspace = new AppWorkspace(dataDirectory, Database.openInMemory("wizard-" + UUID.randomUUID()),
                Clock.systemUTC(), "admin", Map.of(), Optional.of(() -> connect(org)));
        services = new ConsoleWorkspace(workspace, new DemoConnection(), ZoneId.of("Europe/Berlin"));
    }

    static ForceWscOrg connect(LocalOrg org) {
        ConnectionOptions options = ConnectionOptions.defaults("UnsubscribeSyncTest/1")
                .withReadTimeout(Duration.ofSeconds(20));
        TokenEndpoint tokens = new TokenEndpoint(LoginUrl.parse(org.url()), org.clientId(), options,
                ProxySelector.getDefault());
        return ForceWscOrg.open(new ConnectorConfigs(options, ProxySelector.getDefault()),
                SessionSource.clientCredentials(tokens, org.clientSecret()), () -> 0, false, () -> { });
    }

    /** The layout as the org returns it now, over a connection of its own. */
    String layoutDocument(String fullName) {
        try (ForceWscOrg other = connect(org)) {
            return other.layouts().readLayouts(List.of(fullName)).stream().findFirst().map(PageLayout::document)
                    .orElseThrow();
        }
    }

    @Override
    public void close() {
        workspace.close();
        org.close();
    }

    /**
     * Connected to the demo org; the field exists and is editable and, as the demo org starts, not on every layout
     * (the wizard's own inspection then takes over).
     */
    private static final class DemoConnection implements OrgConnections {
        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public OrgState summary() {
            return new OrgState(true, true, "Demo Org", "admin@demo.example", "https://demo.example", Map.of(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public OrgState connectDemo() {
            return summary();
        }

        @Override
        public OrgState logIn(OrgConnections.SignInRequest request, java.util.function.Consumer<String> said) {
            throw new IllegalStateException("not in this test");
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
        }

        @Override
        public OrgState state(SyncSettings settings) {
            Map<SObjectType, FieldState> fields = new EnumMap<>(SObjectType.class);
            for (SObjectType type : SObjectType.values()) {
                fields.put(type, new FieldState(Optional.of("HasOptedOutOfEmail"), true, true, Optional.of(false),
                        Optional.empty()));
            }
            OrgState summary = summary();
            return new OrgState(true, true, summary.organizationName(), summary.userName(), summary.instanceUrl(),
                    fields, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
