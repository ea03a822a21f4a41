package com.unsubscribesync.collect;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.store.PeopleRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Imports people from a CSV file with the columns email, salesforce_id, first_name, last_name. */
public final class PeopleImporter {
    static final Set<String> COLUMNS = Set.of("email", "salesforce_id", "first_name", "last_name");
    /** What a row can hold, for the console's column step. */
    public static final List<ImportField> FIELDS = List.of(
            UnsubscribeImporter.FIELDS.get(0),
            new ImportField(
                    "salesforce_id",
                    "Salesforce ID",
                    false,
                    List.of(
                            "salesforce id",
                            "sfdc id",
                            "sf id",
                            "id",
                            "record id",
                            "lead id",
                            "contact id",
                            "lead or contact id")),
            new ImportField(
                    "first_name", "First name", false, List.of("first name", "first", "given name", "firstname")),
            new ImportField(
                    "last_name",
                    "Last name",
                    false,
                    List.of("last name", "last", "surname", "family name", "lastname")));

    private final PeopleRepository people;

    public PeopleImporter(PeopleRepository people) {
        this.people = people;
    }

    public ImportReport importFile(Path file, ImportOptions options) {
        return importFile(file, CsvLayout.STANDARD, options, ImportProgress.NONE);
    }

    /** The same import, reading the file as the layout says and telling how far it is. */
    public ImportReport importFile(Path file, CsvLayout layout, ImportOptions options, ImportProgress progress) {
        return new CsvImport<>("email", COLUMNS, PeopleImporter::parse, people::saveAll)
                .run(file, layout, options, progress);
    }

    private static Person parse(CsvRow row) {
        Email email = Email.parse(row.get("email").orElseThrow(() -> new InvalidInputException("email is empty")));
        Optional<SalesforceId> id = row.get("salesforce_id").map(SalesforceId::parse);
        return new Person(email, name(row, "first_name"), name(row, "last_name"), id);
    }

    private static Optional<String> name(CsvRow row, String column) {
        return row.get(column).flatMap(text -> FreeText.name(column, text));
    }
}
