package com.unsubscribesync.collect;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import java.util.Map;
import java.util.Optional;

/** One data row of a CSV file: its line number and its cells by lower-case column name. */
public record CsvRow(long line, Map<String, String> cells) {
    /** The cell's text, trimmed; empty when the column is absent or the cell blank. */
    public Optional<String> get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Like {@link #get}, for free text: line breaks and tabs may be in it, other control characters may not. */
    public Optional<String> text(String column) {
        Optional<String> value = get(column);
        value.ifPresent(text -> text.chars()
                .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').findFirst().ifPresent(c -> {
                    throw new InvalidInputException(column + " contains a control character ("
                            + PrintableText.of(String.valueOf((char) c)) + "): remove it");
                }));
        return value;
    }
}
