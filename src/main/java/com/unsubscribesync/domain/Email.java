package com.unsubscribesync.domain;

import java.net.IDN;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A normalized email address, the key of an unsubscribe: every address that comes in — typed, imported or read from
 * Salesforce — goes through {@link #parse}, so that one person has one key (docs/decisions: ADR 0012, "Update
 * (issue 15)").
 */
public record Email(String value) implements Comparable<Email> {
    public static final int MAX_LENGTH = 254;
    /** Composing characters shortens a text at most this many times, so anything longer is too long anyway. */
    private static final int MOST_BEFORE_NORMALIZING = MAX_LENGTH * 4;

    private static final String DOMAIN_DOTS = "[.\u3002\uff0e\uff61]";

    /** Checks a value already in canonical form, as the store holds it; input from outside goes through parse. */
    public Email {
        String reason = problemWith(value);
        if (reason != null) {
            throw new InvalidInputException(reason);
        }
    }

    /**
     * The canonical address for what someone typed or a file or Salesforce held: trimmed; refused with a sentence when
     * it has a control or invisible character; then Unicode NFKC, lower-cased with the root locale (an {@code İ}
     * becomes {@code i}), and its domain in ASCII (an international domain name becomes its {@code xn--} form).
     */
    public static Email parse(String raw) {
        if (raw == null || raw.strip().isEmpty()) {
            throw new InvalidInputException("email is empty");
        }
        String text = raw.strip();
        if (text.length() > MOST_BEFORE_NORMALIZING) {
            throw new InvalidInputException(tooLong(text.length()));
        }
        if (Characters.firstControl(text, "") >= 0) {
            throw new InvalidInputException("email '" + PrintableText.of(text) + "' contains a control character");
        }
        int invisible = Characters.firstInvisible(text);
        if (invisible >= 0) {
            throw new InvalidInputException("email '" + PrintableText.of(text) + "' contains an invisible character ("
                    + Characters.describe(invisible) + "): remove it and type the address again");
        }
        return new Email(withAsciiDomain(fold(text)));
    }

    /**
     * The start of an address typed to search the list, folded as {@link #parse} folds an address (a domain being
     * typed cannot be put in its xn-- form yet: search for one by its xn-- form).
     */
    public static String searchPrefix(String typed) {
        return fold(typed.strip());
    }

    /** NFKC, then lower case with the root locale; the dot above that lower-casing leaves after an i goes. */
    private static String fold(String text) {
        if (Characters.isAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace("i\u0307", "i");
        return Normalizer.normalize(lower, Normalizer.Form.NFKC);
    }

    private static String withAsciiDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || Characters.isAscii(address.substring(at + 1))) {
            return address;
        }
        String[] labels = address.substring(at + 1).split(DOMAIN_DOTS, -1);
        StringBuilder domain = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            domain.append(i == 0 ? "" : ".").append(asciiLabel(labels[i], address));
        }
        return address.substring(0, at + 1) + domain;
    }

    private static String asciiLabel(String label, String address) {
        if (Characters.isAscii(label)) {
            return label;
        }
        // IDNA 2003 (java.net.IDN) turns ß into ss and ς into σ, IDNA 2008 keeps them: two different domains.
        if (label.indexOf('ß') >= 0 || label.indexOf('ς') >= 0) {
            throw new InvalidInputException("email '" + address + "' has ß or ς in its domain, which the two standards "
                    + "for international domain names spell differently: give the domain in its xn-- form");
        }
        try {
            return IDN.toASCII(label).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email '" + address + "' has a domain part '" + label
                    + "' that is not a valid international domain name: check the spelling, or give its xn-- form");
        }
    }

    private static String tooLong(int length) {
        return "email is " + length + " characters long; the most an address can have is " + MAX_LENGTH;
    }

    private static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "email is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return tooLong(value.length());
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

    /**
     * The spellings Salesforce may hold this address in: this one, and, when the domain has an {@code xn--} label, the
     * same with the domain in Unicode — an org with Email Address Internationalization stores and returns that form.
     * Salesforce compares text without regard to case, so case needs no other spelling.
     */
    public List<String> spellings() {
        String domain = domain();
        if (!domain.contains("xn--")) {
            return List.of(value);
        }
        String unicode = IDN.toUnicode(domain);
        return unicode.equals(domain)
                ? List.of(value)
                : List.of(value, value.substring(0, value.indexOf('@') + 1) + unicode);
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
