package com.unsubscribesync.localorg.state;

import java.util.Optional;

/** The profile permissions this org models: the ones that gate the API, layouts and converted leads. */
public enum Permission {
    API_ENABLED("PermissionsApiEnabled", "API Enabled"),
    MODIFY_ALL_DATA("PermissionsModifyAllData", "Modify All Data"),
    VIEW_ALL_DATA("PermissionsViewAllData", "View All Data"),
    CUSTOMIZE_APPLICATION("PermissionsCustomizeApplication", "Customize Application"),
    MODIFY_METADATA("PermissionsModifyMetadata", "Modify Metadata Through Metadata API Functions"),
    EDIT_CONVERTED_LEADS("PermissionsViewEditConvertedLeads", "View and Edit Converted Leads");

    private final String fieldName;
    private final String label;

    Permission(String fieldName, String label) {
        this.fieldName = fieldName;
        this.label = label;
    }

    public String fieldName() {
        return fieldName;
    }

    public String label() {
        return label;
    }

    /** The permission by its field name with or without the {@code Permissions} prefix, e.g. {@code ApiEnabled}. */
    public static Optional<Permission> byName(String name) {
        for (Permission permission : values()) {
            if (permission.fieldName.equalsIgnoreCase(name)
                    || permission.fieldName.equalsIgnoreCase("Permissions" + name)
                    || permission.name().equalsIgnoreCase(name)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
