package com.unsubscribesync.cli;

import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.ImportField;
import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.ImportReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What 'people import' and 'unsubscribe import' take on the command line, and how either runs and reports. */
final class CsvImport {
    /** The use case that imports one file. */
    interface Importer {
        ImportReport importFile(Path file, CsvLayout layout, ImportOptions options, ImportProgress progress);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--dry-run", description = "Check and report; write nothing.")
    boolean dryRun;

    @Option(names = "--skip-invalid", description = "Import the good rows and report the bad ones.")
    boolean skipInvalid;

    @Option(names = "--json")
    boolean json;

    @Mixin
    CsvLayoutOptions layout;

    /** Imports the file with the columns given and prints the report; the exit code of ImportOutput. */
    int run(Importer importer, List<ImportField> fields, String what) {
        ImportReport report = importer.importFile(
                file, layout.layout(fields), new ImportOptions(dryRun, skipInvalid), ImportProgress.NONE);
        return ImportOutput.print(spec, report, what, dryRun, skipInvalid, json);
    }
}
