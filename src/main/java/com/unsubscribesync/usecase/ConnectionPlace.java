package com.unsubscribesync.usecase;

/** Where the saved Salesforce connection is kept, as status says it (ADR 0065). */
public enum ConnectionPlace {
    THIS_COMPUTER("thisComputer", "this computer"),
    TEAM_STORE("teamStore", "the team's store");

    private final String key;
    private final String words;

    ConnectionPlace(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The value in {@code status --json}. */
    public String key() {
        return key;
    }

    /** As a sentence says it. */
    public String words() {
        return words;
    }
}
