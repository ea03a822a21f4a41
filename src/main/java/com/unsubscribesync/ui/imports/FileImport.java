package com.unsubscribesync.ui.imports;

import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.ImportReport;
import java.nio.file.Path;

/** The importer behind a session: the same one the command line's import runs. */
@FunctionalInterface
public interface FileImport {
    ImportReport run(Path file, CsvLayout layout, ImportOptions options, ImportProgress progress);
}
