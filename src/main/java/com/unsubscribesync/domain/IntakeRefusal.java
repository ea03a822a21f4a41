package com.unsubscribesync.domain;

/** Why the intake turned a request away, as {@code status} and the console count them per day. */
public enum IntakeRefusal {
    /** 404: a token that does not open, or a path the intake does not have. */
    BAD_LINK("badLink", "bad link"),
    /** 401: an API key missing, unknown or revoked. */
    BAD_KEY("badKey", "bad key"),
    /** 413: a body or a list of unsubscribes over the limit. */
    TOO_LARGE("tooLarge", "too large"),
    /** 429: more requests than the rate a client (or a key) may make. */
    TOO_FAST("tooFast", "too fast"),
    /** 503: the queue was full or the store did not commit in time; the sender tries again. */
    BUSY("busy", "busy"),
    /** 400 and 405: not a one-click form, a JSON body that does not hold, a method the path does not take. */
    MALFORMED("malformed", "malformed");

    private final String key;
    private final String words;

    IntakeRefusal(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** Its name in {@code status --json} and in the store. */
    public String key() {
        return key;
    }

    /** Its name in a sentence: "too fast 10". */
    public String words() {
        return words;
    }
}
