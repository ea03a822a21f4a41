package com.unsubscribesync.salesforce;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page layout as {@code listMetadata} names it. The full name is the one the org reads and saves it by
 * ({@code Object-Layout Name}, special characters percent-encoded; for a managed package's layout
 * {@code Object-ns__Layout Name}); it is the only name ever sent back to the org.
 *
 * @param id              the layout's record id (00h…), used for links into Setup; empty when the org gave none
 * @param namespacePrefix the managed package the layout came with, if any
 */
public record ListedLayout(String fullName, String id, Optional<String> namespacePrefix) {
    /** A namespace prefix at the start of a layout name: a letter, then letters, digits and single underscores. */
    private static final Pattern PACKAGED = Pattern.compile("^([A-Za-z](?:[A-Za-z0-9]|_(?!_))*)__(.+)$");

    /** An unpackaged layout. */
    public ListedLayout(String fullName, String id) {
        this(fullName, id, Optional.empty());
    }

    /**
     * The layout as {@code listMetadata} lists it. Salesforce leaves a managed package's namespace out of the
     * layout-name part of the full name it lists, yet reads and saves the layout only with it, so it is put back.
     */
    public static ListedLayout fromListing(String listedFullName, String id, Optional<String> namespacePrefix) {
        Optional<String> namespace = namespacePrefix.map(String::strip).filter(ns -> !ns.isEmpty());
        int dash = listedFullName.indexOf('-');
        if (namespace.isEmpty() || dash < 0 || listedFullName.startsWith(namespace.get() + "__", dash + 1)) {
            return new ListedLayout(listedFullName, id, namespace);
        }
        return new ListedLayout(
                listedFullName.substring(0, dash + 1) + namespace.get() + "__" + listedFullName.substring(dash + 1),
                id,
                namespace);
    }

    /** The layout's name as Setup shows it, with its package in brackets. For display only. */
    public String label() {
        return label(fullName);
    }

    /** Whether the admin's name for a layout names this one: its full name, or its name with or without package. */
    public boolean isNamed(String wanted, String objectApiName) {
        String name = wanted.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        return fullName.equals(name)
                || fullName.equals(objectApiName + "-" + name)
                || label().toLowerCase(Locale.ROOT).equals(lower)
                || nameWithoutPackage(fullName).toLowerCase(Locale.ROOT).equals(lower);
    }

    /**
     * The display name of a layout full name: without the object prefix, percent-decoded, and a managed package's
     * layout as {@code MSI Contact Layout (mkto_si)}.
     */
    public static String label(String fullName) {
        String name = decoded(fullName);
        Matcher packaged = PACKAGED.matcher(name);
        return packaged.matches() ? packaged.group(2) + " (" + packaged.group(1) + ")" : name;
    }

    private static String nameWithoutPackage(String fullName) {
        Matcher packaged = PACKAGED.matcher(decoded(fullName));
        return packaged.matches() ? packaged.group(2) : decoded(fullName);
    }

    private static String decoded(String fullName) {
        String name = fullName.substring(fullName.indexOf('-') + 1);
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
