package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Text put into SOQL. Values are quoted with every quote and backslash escaped, so an address such as
 * {@code o'brien@example.com} or {@code a\'or''='@example.com} stays one string literal; names (fields) must
 * look like Salesforce API names.
 */
final class SoqlLiteral {
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

    private SoqlLiteral() {}

    /** A single-quoted SOQL string literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * A LIKE pattern matching values that contain {@code text}: quoted as {@link #quote} does, with SOQL's two
     * wildcards in the text escaped ({@code \%}, {@code \_}) so that they match only themselves.
     */
    static String containing(String text) {
        String quoted = quote(text);
        String inner =
                quoted.substring(1, quoted.length() - 1).replace("%", "\\%").replace("_", "\\_");
        return "'%" + inner + "%'";
    }

    /** A field's API name, checked so that it cannot carry anything else into a query. */
    static String name(String apiName) {
        if (apiName == null || !API_NAME.matcher(apiName).matches()) {
            throw new InvalidInputException("field API name '" + apiName + "' is not a Salesforce field name: give "
                    + "letters, digits and underscores, e.g. HasOptedOutOfEmail");
        }
        return apiName;
    }
}
