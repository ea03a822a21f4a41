package com.unsubscribesync.domain;

/**
 * A file of the data directory is missing, empty or damaged, so the app will not go on with it: the message names
 * the file and the fix (restore it from a backup, reconnect). Nothing is recreated in its place silently.
 */
public class DamagedFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public DamagedFileException(String message) {
        super(message);
    }
}
