package com.unsubscribesync.collect;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.StoreException;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Imports unsubscribes from a CSV file with the columns email, source, reason, unsubscribed_at. */
public final class UnsubscribeImporter {
    static final Set<String> COLUMNS = Set.of("email", "source", "reason", "unsubscribed_at");
    /** What a row can hold, for the console's column step. */
    public static final List<ImportField> FIELDS = List.of(
            new ImportField(
                    "email",
                    "Email",
                    true,
                    List.of("email address", "e-mail", "e-mail address", "mail", "email addr", "emailaddress")),
            new ImportField(
                    "unsubscribed_at",
                    "Date",
                    false,
                    List.of(
                            "date",
                            "unsubscribed",
                            "unsubscribe date",
                            "unsubscribed on",
                            "unsubscribed date",
                            "opt out date",
                            "opted out at",
                            "timestamp")),
            new ImportField("source", "Source", false, List.of("unsubscribe source", "origin")),
            new ImportField(
                    "reason", "Reason", false, List.of("unsubscribe reason", "comment", "comments", "note", "notes")));

    private final UnsubscribeRepository unsubscribes;
    private final Clock clock;
    private final Path workFolder;

    /** @param workFolder where imports sort their rows: {@link ImportScratch#FOLDER} in the data directory */
    public UnsubscribeImporter(UnsubscribeRepository unsubscribes, Clock clock, Path workFolder) {
        this.unsubscribes = unsubscribes;
        this.clock = clock;
        this.workFolder = workFolder;
    }

    public ImportReport importFile(Path file, ImportOptions options, String actor) {
        return importFile(file, CsvLayout.STANDARD, options, actor, ImportProgress.NONE);
    }

    /** The same import, reading the file as the layout says and telling how far it is. */
    public ImportReport importFile(
            Path file, CsvLayout layout, ImportOptions options, String actor, ImportProgress progress) {
        Instant now = clock.instant();
        CsvImport<Unsubscribe> run = new CsvImport<>("email", COLUMNS, row -> parse(row, now, actor), rows -> {
            SortedByEmail sorted;
            try {
                sorted = new SortedByEmail(rows, workFolder);
            } catch (UncheckedIOException e) {
                throw new StoreException(
                        "The import could not sort its rows in " + workFolder + " ("
                                + e.getCause().getMessage() + "), so nothing was imported: free disk space in the data "
                                + "directory, then run the same import again",
                        e);
            }
            try (sorted) {
                return unsubscribes.addAll(sorted);
            }
        });
        return run.run(file, layout, options, progress);
    }

    private static Unsubscribe parse(CsvRow row, Instant now, String actor) {
        Email email = Email.parse(row.get("email").orElseThrow(() -> new InvalidInputException("email is empty")));
        UnsubscribeSource source =
                row.get("source").map(UnsubscribeSource::parse).orElse(UnsubscribeSource.IMPORT);
        if (source == UnsubscribeSource.SALESFORCE_SYNC) {
            throw new InvalidInputException("source 'Salesforce Sync' is only set by the sync itself: "
                    + "use manual, clicked-link, bounce or import");
        }
        Optional<String> reason = row.get("reason").flatMap(text -> FreeText.reason("reason", text));
        Instant at =
                row.get("unsubscribed_at").map(UnsubscribeImporter::parseTime).orElse(now);
        if (at.isAfter(now.plus(Duration.ofDays(1)))) {
            throw new InvalidInputException(
                    "unsubscribed_at '" + row.get("unsubscribed_at").orElse("") + "' is in the future");
        }
        return new Unsubscribe(email, at, source, actor, reason);
    }

    /** Accepts 2024-05-01, 2024-05-01T10:00:00Z, 2024-05-01T10:00:00+02:00 and 2024-05-01 10:00:00 (UTC). */
    static Instant parseTime(String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "unsubscribed_at '" + text + "' is not a date: use 2024-05-01 or " + "2024-05-01T10:00:00Z");
        }
    }
}
