package com.unsubscribesync.layout;

import java.util.Optional;

/** A layout action could not be done; the message is one sentence for the admin, the reason tells what kind. */
public class LayoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No org is connected, or it refused the session. */
        NOT_CONNECTED,
        /** The connected user may not change layouts; {@link #adminRequest()} says what to ask for. */
        NO_PERMISSION,
        /** The chosen field cannot be placed: not installed, not found, not a checkbox or ambiguous. */
        FIELD_UNAVAILABLE,
        /** No layout of that name on the object. */
        UNKNOWN_LAYOUT,
        /** Nothing to undo: no backup of that layout in this data directory. */
        NO_BACKUP,
        /** The layout changed in Salesforce after the field was added; undo would overwrite that. */
        CHANGED_SINCE_INSTALL,
        /** Salesforce refused to save the layout. */
        ORG_REFUSED,
        /** Salesforce could not be reached. */
        UNREACHABLE,
        /** An original layout could not be kept in the data directory, so nothing was changed. */
        BACKUP_FAILED
    }

    private final Reason reason;
    private final String adminRequest;

    public LayoutException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    LayoutException(Reason reason, String message, String adminRequest, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.adminRequest = adminRequest;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#NO_PERMISSION}: the text to send to a Salesforce admin. */
    public Optional<String> adminRequest() {
        return Optional.ofNullable(adminRequest);
    }
}
