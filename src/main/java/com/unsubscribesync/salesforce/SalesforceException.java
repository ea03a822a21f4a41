package com.unsubscribesync.salesforce;

import java.util.Optional;

/** A whole call failed; the kind tells the engine what to do about it. */
public class SalesforceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Maintenance page, connection reset, timeout: try again with back-off. */
        UNAVAILABLE,
        /** The daily API allowance is used up: stop and report. */
        API_LIMIT_EXCEEDED,
        /** The session could not be renewed or the credentials were refused: reconnect. */
        AUTHENTICATION,
        /** The request itself was refused (unknown field, malformed query, no permission): an admin must act. */
        REFUSED
    }

    private final Kind kind;
    private final String statusCode;

    public SalesforceException(Kind kind, String statusCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.statusCode = statusCode;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> statusCode() {
        return Optional.ofNullable(statusCode);
    }
}
