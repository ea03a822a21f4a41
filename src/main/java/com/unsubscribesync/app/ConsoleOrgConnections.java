package com.unsubscribesync.app;

import com.unsubscribesync.cli.OrgConnection;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.ui.OrgConnections;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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
    public OrgState logIn(String loginUrl, String clientId) {
        StringWriter said = new StringWriter();
        workspace.salesforce().connectInBrowser(loginUrl, clientId, new PrintWriter(said, true));
        workspace.connectionChanged();
        return state(workspace.settings().load());
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
