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

    ImportReport run(Path path, ImportOptions options) {
        CsvFile file = CsvFile.open(path, requiredColumn, columns);
        long rows = 0;
        long problemCount = 0;
        List<String> problems = new ArrayList<>();
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
                }
            }
        }
        if (options.dryRun() || (problemCount > 0 && !options.skipInvalid()) || rows == problemCount) {
            return new ImportReport(rows, problems, problemCount, 0, false);
        }
        long added;
        try (CsvFile.RowIterator iterator = file.rows()) {
            added = writer.applyAsLong(new ValidRows(iterator));
        }
        return new ImportReport(rows, problems, problemCount, added, true);
    }

    /** The rows that parse, skipping the others (already reported by the first pass). */
    private final class ValidRows implements Iterator<T> {
        private final Iterator<CsvRow> rows;
        private T next;

        ValidRows(Iterator<CsvRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                try {
                    next = parser.parse(rows.next());
                } catch (InvalidInputException e) {
                    next = null;
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
