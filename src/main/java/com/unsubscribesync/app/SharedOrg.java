package com.unsubscribesync.app;

import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.sync.CurrentOrg;
import java.util.Optional;

/**
 * One open connection to the connected org, shared by the engine's workers and opened on first use. Not being
 * connected at all is an empty answer; an org that cannot be reached right now is an exception the caller retries.
 */
final class SharedOrg implements CurrentOrg, AutoCloseable {
    private static final String NOT_CONNECTED = "NOT_CONNECTED";

    private final OrgConnector connector;
    private SalesforceOrg open;

    SharedOrg(OrgConnector connector) {
        this.connector = connector;
    }

    @Override
    public synchronized Optional<SalesforceOrg> current() {
        if (open == null) {
            try {
                open = connector.open();
            } catch (SalesforceException e) {
                if (e.statusCode().filter(NOT_CONNECTED::equals).isPresent()) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        return Optional.of(open);
    }

    /** Drops the connection, e.g. after a disconnect or a refused session; the next use opens a new one. */
    synchronized void reset() {
        close();
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
