package com.unsubscribesync.layout;

/**
 * Whether the connected user may change page layouts through the app, and the permissions behind the answer.
 *
 * @param userName the Salesforce user the app is connected as, to name in the request to the admin
 */
public record LayoutRights(
        boolean canModifyLayouts,
        boolean modifyAllData,
        boolean modifyMetadata,
        boolean customizeApplication,
        String userName) {
    static final String METADATA_PERMISSION = "Modify Metadata Through Metadata API Functions (or Modify All Data)";
    static final String LAYOUT_PERMISSION = "Customize Application";

    /**
     * The permissions, in the words of Setup, the user lacks for the app to change page layouts: both when the
     * org did not say which ones the user has.
     */
    public String missingPermissions() {
        boolean knownMetadata = modifyAllData || modifyMetadata;
        if (knownMetadata && !customizeApplication) {
            return LAYOUT_PERMISSION;
        }
        if (!knownMetadata && customizeApplication) {
            return METADATA_PERMISSION;
        }
        return LAYOUT_PERMISSION + " and " + METADATA_PERMISSION;
    }
}
