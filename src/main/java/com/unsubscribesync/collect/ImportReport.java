package com.unsubscribesync.collect;

import java.util.List;

/**
 * What an import found and did.
 *
 * @param rows          data rows read
 * @param problems      the first problems, each {@code line N: what is wrong}
 * @param problemCount  all rows with a problem
 * @param added         rows that created something new (0 when nothing was written)
 * @param written       whether anything was written
 * @param badRows       the first bad rows (up to ten thousand), each with its line, value and reason
 */
public record ImportReport(
        long rows, List<String> problems, long problemCount, long added, boolean written, List<BadRow> badRows) {
    public ImportReport {
        problems = List.copyOf(problems);
        badRows = List.copyOf(badRows);
    }

    public ImportReport(long rows, List<String> problems, long problemCount, long added, boolean written) {
        this(rows, problems, problemCount, added, written, List.of());
    }

    public long valid() {
        return rows - problemCount;
    }

    /** Valid rows that changed nothing: duplicates in the file or addresses already known. */
    public long unchanged() {
        return written ? valid() - added : 0;
    }
}
