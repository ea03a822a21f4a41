package com.unsubscribesync.collect;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The bad rows of an import saved as a CSV file the admin opens in a spreadsheet next to the original. */
public final class BadRowsFile {
    private BadRowsFile() {}

    /** Writes {@code line,value,reason}; the file appears whole or not at all. */
    public static void write(Path target, List<BadRow> rows) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write("line,value,reason\r\n");
                for (BadRow row : rows) {
                    out.write(row.line() + "," + cell(row.value()) + "," + cell(row.reason()) + "\r\n");
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Quoted, and kept as text by spreadsheets that would run a cell starting with = + - @ as a formula. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
