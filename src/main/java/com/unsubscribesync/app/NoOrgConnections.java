package com.unsubscribesync.app;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.ui.OrgConnections;

/** The connection while this build has no Salesforce adapter: says so instead of pretending. */
final class NoOrgConnections implements OrgConnections {
    private static final String WHY = "This build has no Salesforce connection yet: the demo org and OAuth log-in "
            + "arrive with the Salesforce adapter.";

    @Override
    public boolean connected() {
        return false;
    }

    @Override
    public OrgState summary() {
        return OrgState.notConnected(WHY);
    }

    @Override
    public OrgState connectDemo() {
        throw new IllegalStateException(WHY);
    }

    @Override
    public OrgState logIn(String loginUrl, String clientId) {
        throw new IllegalStateException(WHY);
    }

    @Override
    public void disconnect() {
    }

    @Override
    public OrgState state(SyncSettings settings) {
        return OrgState.notConnected(WHY);
    }
}
