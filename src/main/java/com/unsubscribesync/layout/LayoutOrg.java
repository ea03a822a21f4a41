package com.unsubscribesync.layout;

import com.unsubscribesync.salesforce.OpenOrg;
import com.unsubscribesync.salesforce.SalesforceLayouts;
import com.unsubscribesync.salesforce.SalesforceOrg;

/**
 * The connected org as the layout tools use it: its records for describe and who the user is, and its page
 * layouts. Both come from one connection.
 */
public record LayoutOrg(SalesforceOrg records, SalesforceLayouts layouts) {

    public static LayoutOrg of(OpenOrg open) {
        return new LayoutOrg(open.records(), open.layouts());
    }
}
