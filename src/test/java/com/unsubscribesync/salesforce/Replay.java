package com.unsubscribesync.salesforce;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh {@link ReplayServer} and the app's classes pointed at it, for each test ({@code @RegisterExtension}). */
final class Replay implements BeforeEachCallback, AfterEachCallback {
    private ReplayServer server;
    private ReplayedOrgs orgs;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new ReplayServer();
        orgs = new ReplayedOrgs(server);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    ReplayServer server() {
        return server;
    }

    ReplayedOrgs orgs() {
        return orgs;
    }
}
