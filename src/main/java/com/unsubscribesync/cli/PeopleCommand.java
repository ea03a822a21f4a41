package com.unsubscribesync.cli;

import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.usecase.ImportPeople;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "people",
        description = "Local person records and their Salesforce IDs.",
        subcommands = {PeopleCommand.Import.class})
public class PeopleCommand {
    @Command(
            name = "import",
            description = "Import people from a CSV file (columns email, salesforce_id, first_name, "
                    + "last_name). Nothing is written when any row is bad, unless --skip-invalid.")
    public static class Import implements Callable<Integer> {
        private final Supplier<ImportPeople> people;

        public Import(Supplier<ImportPeople> people) {
            this.people = people;
        }

        @Mixin
        CsvImport csv;

        @Override
        public Integer call() {
            return csv.run(people.get()::importFile, PeopleImporter.FIELDS, "people");
        }
    }
}
