package com.unsubscribesync.collect;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first rows of a CSV file as the console shows them before an import: the delimiter and header found, the
 * column names and a few rows, and which column likely holds each field.
 *
 * @param layout  how the file is read, with the likely column of each field already chosen
 * @param columns the file's column names as written ("Column 1"… when it has no header)
 * @param rows    the first data rows, each as wide as {@code columns}
 */
public record CsvPreview(CsvLayout layout, List<String> columns, List<List<String>> rows) {
    private static final int ROWS_READ = 50;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    public CsvPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads the head of the file, finds its delimiter (unless given) and its header, and picks the likely column of
     * each field.
     *
     * @param shownRows how many data rows to keep for the preview
     */
    public static CsvPreview read(Path file, Optional<Character> delimiter, List<ImportField> fields, int shownRows) {
        String required = fields.stream()
                .filter(ImportField::required)
                .map(ImportField::name)
                .findFirst()
                .orElse("email");
        CsvFile.checkLooksLikeText(file, required);
        char chosen = delimiter.orElseGet(() -> likelyDelimiter(file));
        List<String[]> head = head(file, chosen);
        if (head.isEmpty()) {
            throw new com.unsubscribesync.domain.InvalidInputException(
                    "file " + file + " is empty: it needs a header " + "line and at least one row");
        }
        int width = commonWidth(head);
        int headerRow = headerRow(head, width);
        boolean hasHeader = !looksLikeData(head.get(headerRow));
        List<String> columns = new ArrayList<>();
        String[] names = head.get(headerRow);
        int shownWidth = Math.max(width, names.length);
        for (int i = 0; i < shownWidth; i++) {
            String name = hasHeader && i < names.length && names[i] != null && !names[i].isBlank()
                    ? names[i].strip()
                    : CsvLayout.numberedColumn(i);
            columns.add(columns.contains(name) ? name + " (" + (i + 1) + ")" : name);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = hasHeader ? headerRow + 1 : headerRow; r < head.size() && rows.size() < shownRows; r++) {
            String[] cells = head.get(r);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < shownWidth; i++) {
                row.add(i < cells.length && cells[i] != null ? CsvFile.shortened(cells[i]) : "");
            }
            rows.add(row);
        }
        Map<String, String> likely = new LinkedHashMap<>();
        for (ImportField field : fields) {
            field.likelyColumn(columns)
                    .filter(c -> !likely.containsValue(c))
                    .ifPresent(c -> likely.put(field.name(), c));
        }
        if (!hasHeader && !likely.containsKey(required)) {
            emailColumn(head.get(headerRow)).ifPresent(i -> likely.put(required, columns.get(i)));
        }
        return new CsvPreview(new CsvLayout(chosen, headerRow, hasHeader, likely), columns, rows);
    }

    /** The delimiter that splits the first rows into the same, largest number of cells. */
    static char likelyDelimiter(Path file) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : DELIMITERS) {
            List<String[]> head;
            try {
                head = head(file, candidate);
            } catch (RuntimeException unreadable) {
                continue;
            }
            int width = commonWidth(head);
            long agreeing = head.stream().filter(row -> row.length == width).count();
            int score = width > 1 ? (int) agreeing * width : 0;
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<String[]> head(Path file, char delimiter) {
        List<String[]> head = new ArrayList<>();
        try (Reader reader = CsvFile.reader(file);
                MappingIterator<String[]> rows = CsvFile.rows(reader, delimiter)) {
            while (head.size() < ROWS_READ && rows.hasNextValue()) {
                head.add(rows.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw CsvFile.translate(file, e);
        }
        return head;
    }

    /** The number of cells most rows have. */
    private static int commonWidth(List<String[]> head) {
        Map<Integer, Integer> counts = new HashMap<>();
        head.forEach(row -> counts.merge(row.length, 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(1);
    }

    /** The first row as wide as the data: title lines above a table are narrower. */
    private static int headerRow(List<String[]> head, int width) {
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).length >= width) {
                return i;
            }
        }
        return 0;
    }

    private static boolean looksLikeData(String[] row) {
        return emailColumn(row).isPresent();
    }

    private static Optional<Integer> emailColumn(String[] row) {
        for (int i = 0; i < row.length; i++) {
            String cell = row[i] == null ? "" : row[i].strip();
            if (cell.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
