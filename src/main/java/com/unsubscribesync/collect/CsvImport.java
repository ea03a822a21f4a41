package com.unsubscribesync.collect;

import com.unsubscribesync.domain.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Checks every row of a file first, then writes in one go: by default nothing is written when any row is bad.
 */
final class CsvImport<T> {
    private static final int PROBLEMS_SHOWN = 100;
    /** The console lists and saves this many bad rows; the count covers them all. */
    static final int BAD_ROWS_KEPT = 10_000;

    private static final int PROGRESS_EVERY = 500;

    private final String requiredColumn;
    private final Set<String> columns;
    private final RowParser<T> parser;
    private final ToLongFunction<Iterator<T>> writer;

    CsvImport(String requiredColumn, Set<String> columns, RowParser<T> parser, ToLongFunction<Iterator<T>> writer) {
        this.requiredColumn = requiredColumn;
        this.columns = columns;
        this.parser = parser;
        this.writer = writer;
    }

    ImportReport run(Path path, CsvLayout layout, ImportOptions options, ImportProgress progress) {
        CsvFile file = CsvFile.open(path, layout, requiredColumn, columns);
        long rows = 0;
        long problemCount = 0;
        List<String> problems = new ArrayList<>();
        List<BadRow> badRows = new ArrayList<>();
        try (CsvFile.RowIterator iterator = file.rows()) {
            while (iterator.hasNext()) {
                CsvRow row = iterator.next();
                rows++;
                try {
                    parser.parse(row);
                } catch (InvalidInputException e) {
                    problemCount++;
                    if (problems.size() < PROBLEMS_SHOWN) {
                        problems.add("line " + row.line() + ": " + e.getMessage());
                    }
                    if (badRows.size() < BAD_ROWS_KEPT) {
                        String value = row.cells().get(requiredColumn);
                        badRows.add(new BadRow(
                                row.line(), value == null ? "" : CsvFile.shortened(value.strip()), e.getMessage()));
                    }
                }
                if (rows % PROGRESS_EVERY == 0) {
                    progress.update("Checking", rows, iterator.fraction());
                }
            }
        }
        progress.update("Checking", rows, 1);
        if (options.dryRun() || (problemCount > 0 && !options.skipInvalid()) || rows == problemCount) {
            return new ImportReport(rows, problems, problemCount, 0, false, badRows);
        }
        long added;
        try (CsvFile.RowIterator iterator = file.rows()) {
            added = writer.applyAsLong(new ValidRows(iterator, progress));
        }
        return new ImportReport(rows, problems, problemCount, added, true, badRows);
    }

    /** The rows that parse, skipping the others (already reported by the first pass). */
    private final class ValidRows implements Iterator<T> {
        private final CsvFile.RowIterator rows;
        private final ImportProgress progress;
        private long read;
        private T next;

        ValidRows(CsvFile.RowIterator rows, ImportProgress progress) {
            this.rows = rows;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                try {
                    next = parser.parse(rows.next());
                } catch (InvalidInputException e) {
                    next = null;
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.update("Writing", read, rows.fraction());
                }
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T value = next;
            next = null;
            return value;
        }
    }
}
