package com.unsubscribesync.domain;

/** The kinds of pending conflict an admin inspects, with their titles in the inbox. */
public enum ConflictKind {
    RESUBSCRIBED_IN_SALESFORCE("Resubscribed in Salesforce"),
    NOT_IN_SALESFORCE("Not in Salesforce"),
    WRITE_REJECTED("Write rejected"),
    RECORD_DELETED("Record deleted"),
    FIELD_UNAVAILABLE("Field unavailable");

    private final String title;

    ConflictKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ConflictKind parse(String text) {
        for (ConflictKind kind : values()) {
            if (kind.key().equalsIgnoreCase(text.strip()) || kind.name().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new InvalidInputException("conflict kind '" + text + "' is unknown: use resubscribed-in-salesforce, "
                + "not-in-salesforce, write-rejected, record-deleted or field-unavailable");
    }
}
