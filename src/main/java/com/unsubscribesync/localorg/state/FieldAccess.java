package com.unsubscribesync.localorg.state;

import java.util.Locale;

/** Field-level security for the org's user: what describe, SOQL and DML see of a field. */
public enum FieldAccess {
    EDITABLE,
    READONLY,
    HIDDEN;

    public static FieldAccess parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "editable", "visible", "edit" -> EDITABLE;
            case "readonly", "read-only" -> READONLY;
            case "hidden", "none" -> HIDDEN;
            default ->
                throw new IllegalArgumentException(
                        "field access '" + text + "' is not one of editable, readonly, hidden");
        };
    }
}
