package com.unsubscribesync.domain;

/**
 * The 18-character id of a Lead or Contact. A 15-character id is extended with its case-checksum suffix;
 * an 18-character id must carry the right suffix.
 */
public record SalesforceId(String value) implements Comparable<SalesforceId> {
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    public SalesforceId {
        String reason = problemWith(value);
        if (reason != null) {
            throw new InvalidInputException(reason);
        }
    }

    /** Accepts a 15- or 18-character Lead or Contact id, trimmed; anything else is rejected with a sentence. */
    public static SalesforceId parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(
                    "Salesforce ID is empty: give the 15- or 18-character id of a Lead (00Q…) or Contact (003…)");
        }
        String text = raw.strip();
        if (text.length() == 15 && isAlphanumeric(text)) {
            text = text + checksumSuffix(text);
        }
        return new SalesforceId(text);
    }

    public SObjectType objectType() {
        return SObjectType.ofKeyPrefix(value.substring(0, 3)).orElseThrow();
    }

    /** The three checksum characters that make a 15-character id case-insensitively unique. */
    public static String checksumSuffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    private static String problemWith(String value) {
        if (value == null) {
            return "Salesforce ID is missing";
        }
        if (value.length() != 18 || !isAlphanumeric(value)) {
            return "Salesforce ID '" + value + "' is not 15 or 18 letters and digits";
        }
        String prefix = value.substring(0, 3);
        if (SObjectType.ofKeyPrefix(prefix).isEmpty()) {
            return "Salesforce ID '" + value + "' starts with '" + prefix
                    + "': only Leads (00Q…) and Contacts (003…) can be linked";
        }
        String expected = checksumSuffix(value.substring(0, 15));
        if (!value.substring(15).equals(expected)) {
            return "Salesforce ID '" + value + "' has a wrong checksum suffix (expected …" + expected
                    + "); copy the id again from Salesforce";
        }
        return null;
    }

    private static boolean isAlphanumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(SalesforceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
