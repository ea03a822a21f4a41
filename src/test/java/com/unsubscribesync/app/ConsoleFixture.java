package com.unsubscribesync.app;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.ui.ConsoleServices;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.OrgConnections;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's services wired exactly as the app wires them (AppWorkspace + ConsoleWorkspace), over an in-memory
 * database and an in-memory org.
 */
public final class ConsoleFixture implements AutoCloseable {
    public final InMemoryOrg org;
    public final ConsoleServices services;
    private final AppWorkspace workspace;

    public ConsoleFixture(Path dataDirectory, Clock clock, long orgDelayMillis) {
        this(dataDirectory, Database.openInMemory("console-" + UUID.randomUUID()), clock, orgDelayMillis);
    }

    public ConsoleFixture(Path dataDirectory, Database database, Clock clock, long orgDelayMillis) {
        org = new InMemoryOrg(orgDelayMillis);
        workspace = new AppWorkspace(dataDirectory, database, clock, "admin", Map.of(), Optional.of(org::open));
        services = new ConsoleWorkspace(workspace, new Connections(), ZoneId.of("Europe/Berlin"));
    }

    /** Adds people with Contact ids, every {@code optedOutEvery}-th opted out in the org. */
    public void people(int count, int optedOutEvery) {
        for (int i = 0; i < count; i++) {
            Email email = new Email("person" + String.format("%06d", i) + "@example.com");
            org.add(TestIds.of(SObjectType.CONTACT, i), email, optedOutEvery > 0 && i % optedOutEvery == 0);
        }
    }

    /** Background pusher and scheduler, as the console starts them. */
    public void startEngine() {
        workspace.engine().start();
    }

    public com.unsubscribesync.sync.RealtimePusher pusher() {
        return workspace.pusher();
    }

    @Override
    public void close() {
        workspace.close();
    }

    private final class Connections implements OrgConnections {
        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public OrgState summary() {
            return new OrgState(true, true, "Test Org", "admin@test.example", "https://test.example", Map.of(),
                    org.apiUsage().map(u -> u.used()), Optional.of(15_000L), Optional.empty());
        }

        @Override
        public OrgState connectDemo() {
            return summary();
        }

        @Override
        public OrgState logIn(OrgConnections.SignInRequest request, java.util.function.Consumer<String> said) {
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
        }

        @Override
        public OrgState state(SyncSettings settings) {
            Map<SObjectType, FieldState> fields = new java.util.EnumMap<>(SObjectType.class);
            for (SObjectType type : SObjectType.values()) {
                fields.put(type, new FieldState(Optional.of("HasOptedOutOfEmail"), true, true, Optional.empty(),
                        Optional.empty()));
            }
            OrgState summary = summary();
            return new OrgState(true, true, summary.organizationName(), summary.userName(), summary.instanceUrl(),
                    fields, summary.apiUsed(), summary.apiLimit(), Optional.empty());
        }
    }
}
