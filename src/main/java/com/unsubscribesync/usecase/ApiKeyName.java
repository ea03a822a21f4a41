package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import java.util.Locale;
import java.util.regex.Pattern;

/** The name an admin gives an intake API key; it names the key in commands and, as {@code api:NAME}, in history. */
final class ApiKeyName {
    static final int MAX = 40;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX - 1) + "}");

    private ApiKeyName() {}

    /** @return the name in lower case, so that {@code CRM} and {@code crm} are one key */
    static String parse(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("key name '" + PrintableText.of(raw == null ? "" : raw) + "' is not "
                    + "valid: use 1 to " + MAX + " letters, digits, dots, dashes or underscores, starting with a "
                    + "letter or digit");
        }
        return name;
    }
}
