package com.unsubscribesync.domain;

/** Input that a person typed or a file supplied was not acceptable; the message is a sentence for that person. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
