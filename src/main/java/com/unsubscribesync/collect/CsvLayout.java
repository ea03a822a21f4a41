package com.unsubscribesync.collect;

import java.util.Locale;
import java.util.Map;

/**
 * How to read a CSV file: the character between cells, how many lines come before the header (a title line in some
 * exports), whether there is a header at all, and which column of the file feeds which importer field.
 *
 * @param delimiter   {@code ,} {@code ;} or a tab
 * @param skippedRows rows before the header (or before the first data row when there is no header)
 * @param hasHeader   whether the first row read names the columns; without one the columns are "Column 1", "Column 2"…
 * @param columns     importer field (e.g. {@code email}) → the file's column name, matched in any case; empty means
 *                    every column feeds the field of its own name, as the command line reads files
 */
public record CsvLayout(char delimiter, int skippedRows, boolean hasHeader, Map<String, String> columns) {
    /** The command line's reading: comma, header on the first line, columns named like the fields. */
    public static final CsvLayout STANDARD = new CsvLayout(',', 0, true, Map.of());

    public CsvLayout {
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("a CSV delimiter is a comma, a semicolon or a tab");
        }
        if (skippedRows < 0) {
            throw new IllegalArgumentException("skipped rows cannot be negative");
        }
        columns = Map.copyOf(columns);
    }

    /** The same file read with another column choice. */
    public CsvLayout withColumns(Map<String, String> chosen) {
        return new CsvLayout(delimiter, skippedRows, hasHeader, chosen);
    }

    /** The name of the {@code index}-th column (from 0) when the file has no header. */
    static String numberedColumn(int index) {
        return "Column " + (index + 1);
    }

    static String key(String columnName) {
        return columnName.strip().toLowerCase(Locale.ROOT);
    }

    /** The delimiter in words, for messages and the column step. */
    public String delimiterName() {
        return switch (delimiter) {
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "comma";
        };
    }

    /** Reads a delimiter as typed on the command line: {@code ,} {@code ;} {@code tab} or their names. */
    public static char delimiter(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "tab", "\t", "\\t" -> '\t';
            default ->
                throw new com.unsubscribesync.domain.InvalidInputException(
                        "delimiter '" + text + "' is not one of: comma (,), semicolon (;), tab");
        };
    }
}
