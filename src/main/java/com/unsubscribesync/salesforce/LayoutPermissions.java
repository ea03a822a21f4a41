package com.unsubscribesync.salesforce;

/**
 * The connected user's permissions that matter for page layouts, as {@code UserPermissionAccess} reports them.
 * Salesforce lets a user call the Metadata API with Modify All Data or with Modify Metadata Through Metadata API
 * Functions; Customize Application alone shows the layouts in Setup but not through the API.
 */
public record LayoutPermissions(boolean modifyAllData, boolean modifyMetadata, boolean customizeApplication) {

    /** Whether the app can read and save page layouts for this user. */
    public boolean canModifyLayouts() {
        return modifyAllData || modifyMetadata;
    }
}
