package com.unsubscribesync.collect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One thing an importer reads from a row, with the header names a spreadsheet commonly gives it.
 *
 * @param name     the field, as the command line's header names it ({@code email}, {@code unsubscribed_at}…)
 * @param label    the field in the admin's words
 * @param required whether every import needs a column for it
 * @param synonyms header names that mean this field, compared without case, spaces, dashes or underscores
 */
public record ImportField(String name, String label, boolean required, List<String> synonyms) {
    public ImportField {
        synonyms = List.copyOf(synonyms);
    }

    /** The first of the file's columns whose name means this field. */
    public Optional<String> likelyColumn(List<String> columns) {
        for (String column : columns) {
            String plain = plain(column);
            if (plain.equals(plain(name)) || synonyms.stream().anyMatch(s -> plain(s).equals(plain))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
