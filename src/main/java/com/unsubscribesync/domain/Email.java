package com.unsubscribesync.domain;

/** A normalized email address: trimmed, lower-cased and checked. It is the key of an unsubscribe. */
public record Email(String value) implements Comparable<Email> {
    public static final int MAX_LENGTH = 254;

    public Email {
        String reason = problemWith(value);
        if (reason != null) {
            throw new InvalidInputException(reason);
        }
    }

    /** Trims and lower-cases, then validates; the exception message names what is wrong. */
    public static Email parse(String raw) {
        if (raw == null) {
            throw new InvalidInputException("email is empty");
        }
        return new Email(raw.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "email is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "email is " + value.length() + " characters long; the most an address can have is " + MAX_LENGTH;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "email '" + PrintableText.of(value) + "' contains a control character";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "email '" + value + "' contains a space";
            }
            if (Character.isUpperCase(c)) {
                return "email '" + value + "' is not lower-case";
            }
        }
        int at = value.indexOf('@');
        if (at < 0) {
            return "email '" + value + "' has no @";
        }
        if (value.indexOf('@', at + 1) >= 0) {
            return "email '" + value + "' has more than one @";
        }
        if (at == 0) {
            return "email '" + value + "' has nothing before the @";
        }
        String domain = value.substring(at + 1);
        if (domain.isEmpty()) {
            return "email '" + value + "' has no domain after the @";
        }
        int dot = domain.indexOf('.');
        if (dot < 0) {
            return "email '" + value + "' has no dot in its domain";
        }
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "email '" + value + "' has an empty part in its domain";
        }
        return null;
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public int compareTo(Email other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
