package com.unsubscribesync.salesforce;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A page layout as {@code listMetadata} names it. The full name is the org's ({@code Object-Layout Name}, special
 * characters percent-encoded); it is the only name ever sent back to the org.
 *
 * @param id the layout's record id (00h…), used for links into Setup; empty when the org gave none
 */
public record ListedLayout(String fullName, String id) {

    /** The layout's name as Setup shows it: without the object prefix and percent-decoded. For display only. */
    public String label() {
        return label(fullName);
    }

    /** The display name of a layout full name. */
    public static String label(String fullName) {
        String name = fullName.substring(fullName.indexOf('-') + 1);
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
