package com.unsubscribesync.cli;

import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.ImportField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How an import reads a file that is not comma-separated or names its email column differently. */
final class CsvLayoutOptions {
    @Option(
            names = "--delimiter",
            paramLabel = "comma|semicolon|tab",
            description = "The character between cells: comma (default), semicolon or tab.")
    Optional<String> delimiter = Optional.empty();

    @Option(
            names = "--email-column",
            paramLabel = "NAME",
            description = "The header of the column that holds the addresses, e.g. \"Email Address\" (default: email).")
    Optional<String> emailColumn = Optional.empty();

    /** The file read as given; the other columns keep their own names. */
    CsvLayout layout(List<ImportField> fields) {
        char separator = delimiter.map(CsvLayout::delimiter).orElse(',');
        Map<String, String> columns = new HashMap<>();
        emailColumn.ifPresent(email -> fields.forEach(
                field -> columns.put(field.name(), field.name().equals("email") ? email : field.name())));
        return new CsvLayout(separator, 0, true, columns);
    }
}
