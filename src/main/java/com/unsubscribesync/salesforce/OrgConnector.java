package com.unsubscribesync.salesforce;

/**
 * Opens the org the admin connected, for the engine and the layout tools. Built by the composition root, which
 * knows whether that is the demo org or a real one.
 */
@FunctionalInterface
public interface OrgConnector {

    /**
     * A live connection; the caller closes it.
     *
     * @throws SalesforceException of kind {@link SalesforceException.Kind#AUTHENTICATION} when nothing is connected
     *                             or the saved credentials are refused
     */
    OpenOrg open();
}
