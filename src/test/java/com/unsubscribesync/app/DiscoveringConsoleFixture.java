package com.unsubscribesync.app;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.ui.ConsoleServices;
import com.unsubscribesync.ui.OrgConnections;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's services wired as the app wires them, on an in-process local org, with the opt-out field looked up
 * the way the status check does: the real field discovery, through force-wsc over HTTP (so a missing package or a
 * typed API name shows as Salesforce would show it).
 */
final class DiscoveringConsoleFixture implements AutoCloseable {
    final LocalOrg org;
    final ConsoleServices services;
    private final AppWorkspace workspace;

    DiscoveringConsoleFixture(Path dataDirectory, LocalOrgOptions options) throws Exception {
        org = LocalOrg.start(options);
        workspace = new AppWorkspace(dataDirectory, Database.openInMemory("settings-" + UUID.randomUUID()),
                Clock.systemUTC(), "admin", Map.of(), Optional.of(() -> LayoutConsoleFixture.connect(org)));
        services = new ConsoleWorkspace(workspace, new Discovering(), ZoneId.of("Europe/Berlin"));
    }

    @Override
    public void close() {
        workspace.close();
        org.close();
    }

    private final class Discovering implements OrgConnections {
        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public OrgState summary() {
            return new OrgState(true, true, "Local Org", "admin@local.example", org.url(), Map.of(),
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
            FieldCheck check;
            try (ForceWscOrg salesforce = LayoutConsoleFixture.connect(org)) {
                check = salesforce.records().checkField(OptOutFieldRequest.of(settings));
            }
            Map<SObjectType, FieldState> fields = new EnumMap<>(SObjectType.class);
            check.objects().forEach((type, field) -> fields.put(type, new FieldState(field.apiName(), field.exists(),
                    field.updateable(), Optional.empty(), field.problem())));
            OrgState summary = summary();
            return new OrgState(true, true, summary.organizationName(), summary.userName(), summary.instanceUrl(),
                    fields, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
