package com.unsubscribesync.cli;

/** The org could not be reached (network, maintenance) after retries. */
public class OrgUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrgUnreachableException(String message) {
        super(message);
    }
}
