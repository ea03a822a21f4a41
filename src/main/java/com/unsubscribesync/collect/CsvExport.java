package com.unsubscribesync.collect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A CSV file the admin saves from the console (RFC 4180: comma, double quotes, CRLF). It is written beside its
 * target and moved into place at the end, so a failed or interrupted export never leaves half a file under the
 * chosen name. A cell that a spreadsheet would run as a formula gets a leading apostrophe.
 */
public final class CsvExport implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final BufferedWriter out;
    private long rows;
    private boolean finished;

    private CsvExport(Path target, Path temporary, BufferedWriter out) {
        this.target = target;
        this.temporary = temporary;
        this.out = out;
    }

    /** Starts a file with its header row; nothing appears under {@code target} before {@link #finish()}. */
    public static CsvExport start(Path target, List<String> header) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".part");
            CsvExport export =
                    new CsvExport(target, temporary, Files.newBufferedWriter(temporary, StandardCharsets.UTF_8));
            export.writeLine(header);
            export.rows = 0;
            return export;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write in " + folder, e);
        }
    }

    public void row(List<String> cells) {
        writeLine(cells);
    }

    private void writeLine(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /** Moves the finished file into place; returns the number of rows written below the header. */
    public long finish() {
        try {
            out.close();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /** Drops the unfinished file when {@link #finish()} was not reached. */
    @Override
    public void close() {
        try {
            out.close();
            if (!finished) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + temporary, e);
        }
    }

    /**
     * One cell as written: a value starting with {@code = + - @} (or a tab or carriage return, which spreadsheets
     * skip before looking) is prefixed with an apostrophe so it stays text; one with a comma, quote or line break is
     * quoted, its quotes doubled.
     */
    public static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
