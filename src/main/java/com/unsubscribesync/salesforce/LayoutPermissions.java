package com.unsubscribesync.salesforce;

/**
 * The connected user's permissions that matter for page layouts, as {@code UserPermissionAccess} reports them.
 * Salesforce opens the Metadata API to a user with Modify All Data or Modify Metadata Through Metadata API
 * Functions; changing a page layout through it also takes the permission behind layouts in Setup, Customize
 * Application (Metadata API Developer Guide, "Metadata API Edit Access"; ADR 0017).
 */
public record LayoutPermissions(boolean modifyAllData, boolean modifyMetadata, boolean customizeApplication) {

    /** Whether the app can list and read page layouts for this user. */
    public boolean canReadLayouts() {
        return modifyAllData || modifyMetadata;
    }

    /** Whether the app can save page layouts for this user. */
    public boolean canModifyLayouts() {
        return canReadLayouts() && customizeApplication;
    }
}
