package com.unsubscribesync.layout;

import java.util.Locale;

/** What field-level security and the org's schema let the connected user do with the opt-out field. */
public enum FieldVisibility {
    /** Visible and editable: the sync can write it. */
    EDITABLE,
    /** Visible but read-only for the connected user. */
    READ_ONLY,
    /** The field exists but field-level security hides it from the connected user. */
    HIDDEN,
    /** A field of that name exists but is not a checkbox. */
    NOT_A_CHECKBOX,
    /** Several checkboxes carry the package field's label; the admin must name one. */
    AMBIGUOUS,
    /** The Marketo Sales Opt Out field is not visible: the package is not installed (or the field is hidden). */
    PACKAGE_NOT_INSTALLED,
    /** No field of the API name the admin gave is visible. */
    NOT_FOUND;

    /** Whether the field's API name is known, so layouts can be checked for it and it can be placed. */
    public boolean placeable() {
        return this == EDITABLE || this == READ_ONLY || this == HIDDEN;
    }

    /** The lower-case, dashed name used in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
