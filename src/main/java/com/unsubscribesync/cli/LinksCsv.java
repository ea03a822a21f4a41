package com.unsubscribesync.cli;

import com.unsubscribesync.collect.CsvExport;
import com.unsubscribesync.collect.CsvFile;
import com.unsubscribesync.collect.CsvRow;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.links.BaseUrl;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.links.OneClickLink;
import com.unsubscribesync.links.UnsubscribeLinks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links for every row of a CSV file: every row is checked before anything is written, so a bad row leaves no file
 * behind (exit 2, the row named), and the file appears whole under its name.
 */
final class LinksCsv {
    static final List<String> HEADER = List.of("email", "campaign", "unsubscribe_url", "list_unsubscribe");

    private final UnsubscribeLinks links;
    private final BaseUrl base;
    private final Optional<String> campaign;

    LinksCsv(UnsubscribeLinks links, BaseUrl base, Optional<String> campaign) {
        this.links = links;
        this.base = base;
        this.campaign = campaign;
    }

    static Path besides(Path input) {
        String name = input.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        return input.toAbsolutePath().resolveSibling(name + "-links.csv");
    }

    long write(Path input, Path target) {
        CsvFile file = CsvFile.open(input, "email", Set.of("email", "campaign"));
        try (CsvFile.RowIterator rows = file.rows()) {
            rows.forEachRemaining(row -> subject(input, row));
        }
        try (CsvFile.RowIterator rows = file.rows();
                CsvExport export = CsvExport.start(target, HEADER)) {
            while (rows.hasNext()) {
                LinkSubject subject = subject(input, rows.next());
                OneClickLink link = links.make(subject, base);
                export.row(List.of(
                        subject.email().value(),
                        subject.campaign().orElse(""),
                        link.url().toString(),
                        "<" + link.url() + ">"));
            }
            return export.finish();
        }
    }

    private LinkSubject subject(Path input, CsvRow row) {
        try {
            return LinkSubject.parse(
                    row.get("email").orElse(""), row.get("campaign").or(() -> campaign));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("file " + input + ", line " + row.line() + ": " + e.getMessage());
        }
    }
}
