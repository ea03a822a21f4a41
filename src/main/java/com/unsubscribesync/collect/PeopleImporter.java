package com.unsubscribesync.collect;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.store.PeopleRepository;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Imports people from a CSV file with the columns email, salesforce_id, first_name, last_name. */
public final class PeopleImporter {
    static final Set<String> COLUMNS = Set.of("email", "salesforce_id", "first_name", "last_name");

    private final PeopleRepository people;

    public PeopleImporter(PeopleRepository people) {
        this.people = people;
    }

    public ImportReport importFile(Path file, ImportOptions options) {
        return new CsvImport<>("email", COLUMNS, PeopleImporter::parse, people::saveAll).run(file, options);
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
