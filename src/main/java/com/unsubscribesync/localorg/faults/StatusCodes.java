package com.unsubscribesync.localorg.faults;

import com.sforce.soap.partner.StatusCode;

/** Status codes are checked against the client's own enum, because a code it does not know breaks parsing. */
public final class StatusCodes {
    private StatusCodes() {}

    public static boolean isKnown(String code) {
        try {
            StatusCode.valueOf(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A message in Salesforce's words for the codes that are injected. */
    public static String messageFor(String code) {
        return switch (code) {
            case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record";
            case "FIELD_CUSTOM_VALIDATION_EXCEPTION" -> "Email opt-out changes are blocked by a validation rule";
            case "CANNOT_UPDATE_CONVERTED_LEAD" -> "cannot reference converted lead";
            case "ENTITY_IS_DELETED" -> "entity is deleted";
            case "INSUFFICIENT_ACCESS_OR_READONLY" -> "insufficient access rights on object id";
            case "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" -> "insufficient access rights on cross-reference id";
            default -> code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
