package com.unsubscribesync.usecase;

import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.store.PeopleRepository;
import java.nio.file.Path;
import java.util.List;

/** Local person records and their Salesforce IDs: importing them, and who still lacks an ID. */
public final class ImportPeople {
    private final PeopleImporter importer;
    private final PeopleRepository people;

    public ImportPeople(PeopleImporter importer, PeopleRepository people) {
        this.importer = importer;
        this.people = people;
    }

    public ImportReport importFile(Path file, CsvLayout layout, ImportOptions options, ImportProgress progress) {
        return importer.importFile(file, layout, options, progress);
    }

    public List<Person> withoutSalesforceId(int limit) {
        return people.withoutSalesforceId(limit);
    }
}
