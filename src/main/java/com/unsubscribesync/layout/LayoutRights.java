package com.unsubscribesync.layout;

/**
 * Whether the connected user may change page layouts through the app, and the permissions behind the answer.
 *
 * @param userName the Salesforce user the app is connected as, to name in the request to the admin
 */
public record LayoutRights(boolean canModifyLayouts, boolean modifyAllData, boolean modifyMetadata,
        boolean customizeApplication, String userName) {
}
