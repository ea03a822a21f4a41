package com.unsubscribesync.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.unsubscribesync.domain.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV file read as a stream of rows (RFC 4180 quoting, UTF-8 with or without BOM, CRLF or LF, header names in any
 * case). The whole file is never held in memory, so it can be read twice: once to check, once to write.
 */
public final class CsvFile {
    private static final int SNIFF_BYTES = 64 * 1024;
    static final int MAX_CELL_CHARS = 10_000;
    private static final int SHOWN_CHARS = 200;

    private final Path path;
    private final CsvLayout layout;
    private final String requiredColumn;
    private final Set<String> knownColumns;

    private CsvFile(Path path, CsvLayout layout, String requiredColumn, Set<String> knownColumns) {
        this.path = path;
        this.layout = layout;
        this.requiredColumn = requiredColumn;
        this.knownColumns = knownColumns;
    }

    /** Checks that the file is a readable UTF-8 text CSV with the required column; the error is one sentence. */
    public static CsvFile open(Path path, String requiredColumn, Set<String> knownColumns) {
        return open(path, CsvLayout.STANDARD, requiredColumn, knownColumns);
    }

    /** The same checks, reading the file as the layout says (delimiter, header, chosen columns). */
    public static CsvFile open(Path path, CsvLayout layout, String requiredColumn, Set<String> knownColumns) {
        CsvFile file = new CsvFile(path, layout, requiredColumn, knownColumns);
        checkLooksLikeText(path, requiredColumn);
        file.forEachRow(row -> {}, 0);
        return file;
    }

    /** The size of the file in bytes, for progress; 0 when it cannot be read. */
    long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    static void checkLooksLikeText(Path path, String requiredColumn) {
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(path + " is a folder, not a CSV file: give the path of the .csv file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file " + path + " does not exist: check the path");
        } catch (IOException e) {
            throw new InvalidInputException("file " + path + " cannot be read (" + e.getMessage() + ")");
        }
        if (head.length == 0) {
            throw new InvalidInputException(
                    "file " + path + " is empty: it needs a header line with an '" + requiredColumn + "' column");
        }
        if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                        || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new InvalidInputException("file " + path + " is UTF-16 text: save it as CSV UTF-8 and import again");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new InvalidInputException("file " + path + " is not a text file (it contains binary data): "
                        + "export it from your spreadsheet as CSV UTF-8");
            }
        }
    }

    /**
     * Reads the rows, handing each to the consumer.
     *
     * @param limit stop after this many rows; 0 reads only the header
     */
    private void forEachRow(Consumer<CsvRow> consumer, long limit) {
        try (Reader reader = reader(path);
                MappingIterator<String[]> rows = rows(reader, layout.delimiter())) {
            Columns header = header(rows);
            long count = 0;
            while (count < limit) {
                long line = rows.getCurrentLocation().getLineNr();
                if (!rows.hasNextValue()) {
                    return;
                }
                String[] cells = rows.nextValue();
                count++;
                consumer.accept(row(header, cells, line));
            }
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        }
    }

    /** Streams every data row; the iterator must be closed. */
    public RowIterator rows() {
        return new RowIterator();
    }

    /** Skips the rows before the header, reads the header and checks the required column is there. */
    private Columns header(MappingIterator<String[]> rows) throws IOException {
        for (int skipped = 0; skipped < layout.skippedRows() && rows.hasNextValue(); skipped++) {
            rows.nextValue();
        }
        if (!layout.hasHeader()) {
            Columns columns = new Columns(null, layout.columns());
            if (!layout.columns().containsKey(requiredColumn)) {
                throw new InvalidInputException(
                        "file " + path + " has no header, so choose which column holds the " + requiredColumn);
            }
            return columns;
        }
        if (!rows.hasNextValue()) {
            throw new InvalidInputException(
                    "file " + path + " is empty: it needs a header line with an '" + requiredColumn + "' column");
        }
        List<String> header = new ArrayList<>();
        String[] names = rows.nextValue();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : CsvLayout.key(names[i]);
            // A repeated name gets its position, as the console's column step shows it; the first keeps the name.
            header.add(header.contains(name) && !name.isEmpty() ? name + " (" + (i + 1) + ")" : name);
        }
        String wanted =
                layout.columns().isEmpty() ? requiredColumn : layout.columns().get(requiredColumn);
        if (wanted == null) {
            throw new InvalidInputException("file " + path + ": choose which column holds the " + requiredColumn);
        }
        if (!header.contains(CsvLayout.key(wanted))) {
            throw new InvalidInputException("file " + path + " has no '" + wanted + "' column in its header line"
                    + " (found: " + shortened(String.join(", ", header)) + "); expected columns: "
                    + String.join(", ", knownColumns)
                    + (layout.delimiter() == ',' ? "" : " separated by a " + layout.delimiterName()));
        }
        return new Columns(header, layout.columns());
    }

    private static CsvRow row(Columns columns, String[] cells, long line) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && cells[i].length() > MAX_CELL_CHARS) {
                throw new BadRow(line, "a cell is longer than " + MAX_CELL_CHARS + " characters");
            }
            String cell = cells[i];
            columns.field(i).ifPresent(field -> values.putIfAbsent(field, cell));
        }
        return new CsvRow(line, values);
    }

    /** Which field each column of the file feeds. */
    private static final class Columns {
        private final List<String> header;
        private final Map<String, String> fieldByColumn = new HashMap<>();
        private final boolean chosen;

        /** @param header lower-case names, or null for a file without a header */
        Columns(List<String> header, Map<String, String> chosenColumns) {
            this.header = header;
            this.chosen = !chosenColumns.isEmpty();
            chosenColumns.forEach((field, column) -> fieldByColumn.put(CsvLayout.key(column), field));
        }

        java.util.Optional<String> field(int index) {
            String name = header == null
                    ? CsvLayout.key(CsvLayout.numberedColumn(index))
                    : index < header.size() ? header.get(index) : null;
            if (name == null) {
                return java.util.Optional.empty();
            }
            if (!chosen) {
                return java.util.Optional.of(name);
            }
            // A column named like a field that was given another column is left out, so the admin's choice wins.
            String field = fieldByColumn.get(name);
            return java.util.Optional.ofNullable(field);
        }
    }

    static MappingIterator<String[]> rows(Reader reader, char delimiter) throws IOException {
        return mapper().readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
                .readValues(reader);
    }

    static Reader reader(Path path) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        boolean hasBom =
                bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        if (!hasBom) {
            in.reset();
        }
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, strict), 1 << 16);
    }

    private static CsvMapper mapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        return mapper;
    }

    private RuntimeException translate(Exception e) {
        return translate(path, e);
    }

    static RuntimeException translate(Path path, Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid;
        }
        if (e instanceof BadRow bad) {
            return new InvalidInputException("file " + path + ", line " + bad.line + ": " + bad.getMessage());
        }
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof java.nio.charset.CharacterCodingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return new InvalidInputException(
                    "file " + path + " is not UTF-8 text: save it as CSV UTF-8 and import again");
        }
        JsonProcessingException parse = parseFailure(e);
        if (parse != null) {
            String where = parse.getLocation() == null
                    ? ""
                    : ", line " + parse.getLocation().getLineNr();
            return new InvalidInputException("file " + path + where + " is not readable CSV ("
                    + firstLine(parse.getOriginalMessage()) + "): close every quoted cell and double the quotes "
                    + "inside one (\"\")");
        }
        return new InvalidInputException(
                "file " + path + " is not a readable CSV file (" + firstLine(e.getMessage()) + ")");
    }

    private static JsonProcessingException parseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException parse) {
                return parse;
            }
        }
        return null;
    }

    /** A value echoed in a message, cut so that a huge line of the file does not become a huge message. */
    static String shortened(String text) {
        return text.length() <= SHOWN_CHARS
                ? text
                : text.substring(0, SHOWN_CHARS) + "… (" + text.length() + " characters)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A row too broken to read at all. */
    private static final class BadRow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long line;

        BadRow(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Rows read lazily from the file. */
    public final class RowIterator implements Iterator<CsvRow>, AutoCloseable {
        private final Reader reader;
        private final MappingIterator<String[]> rows;
        private final Columns header;
        private final long size = size();

        private RowIterator() {
            try {
                reader = reader(path);
                rows = rows(reader, layout.delimiter());
                header = header(rows);
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNextValue();
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        }

        @Override
        public CsvRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                long line = rows.getCurrentLocation().getLineNr();
                return row(header, rows.nextValue(), line);
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        }

        /** The share of the file read so far, 0 to 1. */
        double fraction() {
            long read = rows.getCurrentLocation().getCharOffset();
            return size <= 0 || read < 0 ? 0 : Math.min(1, (double) read / size);
        }

        @Override
        public void close() {
            try {
                rows.close();
                reader.close();
            } catch (IOException e) {
                // Only read; nothing to lose.
            }
        }
    }
}
