package com.unsubscribesync.salesforce;

/**
 * One open connection to an org: its records, its Bulk API and its page layouts, spoken over one session. Closing
 * it ends the connection for all three.
 */
public interface OpenOrg extends AutoCloseable {
    SalesforceOrg records();

    SalesforceBulk bulk();

    SalesforceLayouts layouts();

    @Override
    void close();
}
