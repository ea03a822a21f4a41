package com.unsubscribesync.collect;

import java.util.Map;
import java.util.Optional;

/** One data row of a CSV file: its line number and its cells by lower-case column name. */
public record CsvRow(long line, Map<String, String> cells) {
    /** The cell's text, trimmed; empty when the column is absent or the cell blank. */
    public Optional<String> get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
