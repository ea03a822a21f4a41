package com.unsubscribesync.cli;

import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.usecase.ImportPeople;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Option(names = "--dry-run")
        boolean dryRun;

        @Option(names = "--skip-invalid")
        boolean skipInvalid;

        @Option(names = "--json")
        boolean json;

        @Mixin
        CsvLayoutOptions layout;

        @Override
        public Integer call() {
            ImportReport report = people.get()
                    .importFile(
                            file,
                            layout.layout(PeopleImporter.FIELDS),
                            new ImportOptions(dryRun, skipInvalid),
                            ImportProgress.NONE);
            return ImportOutput.print(spec, report, "people", dryRun, skipInvalid, json);
        }
    }
}
