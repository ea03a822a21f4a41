package com.unsubscribesync.app;

import com.unsubscribesync.cli.OrgConnection;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.ui.OrgConnections;
import com.unsubscribesync.salesforce.OAuthCallback;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The Salesforce connection the command line uses, as the console sees it. The org's answer is kept, so the status
 * bar can look every few seconds without spending API calls.
 */
final class ConsoleOrgConnections implements OrgConnections {
    private final AppWorkspace workspace;
    private volatile OrgState last;

    ConsoleOrgConnections(AppWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public boolean connected() {
        return workspace.hasSavedConnection();
    }

    @Override
    public OrgState summary() {
        OrgState known = last;
        if (known == null || known.connected() != connected()) {
            return state(workspace.settings().load());
        }
        return known;
    }

    @Override
    public OrgState connectDemo() {
        workspace.salesforce().connectDemo();
        workspace.connectionChanged();
        return state(workspace.settings().load());
    }

    @Override
    public OrgState logIn(SignInRequest request, Consumer<String> said) {
        workspace.salesforce().connectInBrowserWithSecret(request.loginUrl(), request.clientId(),
                request.clientSecret(), OptionalInt.of(request.callbackPort()), new PrintWriter(new Lines(said), true));
        workspace.connectionChanged();
        return state(workspace.settings().load());
    }

    @Override
    public int defaultCallbackPort() {
        return OAuthCallback.DEFAULT_PORT;
    }

    @Override
    public String callbackUrl(int port) {
        return new OAuthCallback(port).url();
    }

    /** Hands each finished line to the console instead of a terminal. */
    private static final class Lines extends Writer {
        private final Consumer<String> said;
        private final StringBuilder line = new StringBuilder();

        Lines(Consumer<String> said) {
            this.said = said;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    said.accept(line.toString().strip());
                    line.setLength(0);
                } else {
                    line.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Override
    public void disconnect() {
        workspace.salesforce().disconnect();
        workspace.connectionChanged();
        last = OrgState.notConnected(null);
    }

    @Override
    public OrgState state(SyncSettings settings) {
        OrgConnection.OrgStatus status = workspace.salesforce().status(settings);
        if (!status.connected() || status.org().isEmpty()) {
            last = new OrgState(false, false, "", "", "", Map.of(), Optional.empty(), Optional.empty(),
                    status.problem(), status.rights());
            return last;
        }
        OrgConnection.ConnectedOrg org = status.org().get();
        Map<SObjectType, FieldState> fields = new EnumMap<>(SObjectType.class);
        status.fields().forEach((object, field) -> SObjectType.ofApiName(object).ifPresent(type -> fields.put(type,
                new FieldState(Optional.ofNullable(field.apiName()), Boolean.TRUE.equals(field.exists()),
                        Boolean.TRUE.equals(field.updateable()), Optional.ofNullable(field.onLayouts()),
                        Optional.ofNullable(field.problem())))));
        last = new OrgState(true, org.demo(), org.organizationName(), org.userName(), org.instanceUrl(), fields,
                Optional.ofNullable(status.apiUsed()), Optional.ofNullable(status.apiLimit()), org.warning(),
                status.rights());
        return last;
    }
}
