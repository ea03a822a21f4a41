package com.unsubscribesync.cli;

/** The command needs a Salesforce org and none is connected (or it refused the credentials). */
public class NotConnectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotConnectedException(String message) {
        super(message);
    }
}
