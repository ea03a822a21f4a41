package com.unsubscribesync.localorg.state;

import java.util.Locale;

/** An object permission of the org's user on Lead or Contact: Read only, or Read and Edit (with Create, Delete). */
public enum ObjectAccess {
    EDIT,
    READ;

    public static ObjectAccess parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "edit" -> EDIT;
            case "read", "readonly", "read-only" -> READ;
            default -> throw new IllegalArgumentException("object access '" + text + "' is not one of edit, read");
        };
    }
}
