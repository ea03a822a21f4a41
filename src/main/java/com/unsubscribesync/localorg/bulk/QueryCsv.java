package com.unsubscribesync.localorg.bulk;

import com.unsubscribesync.localorg.partner.WireValues;
import com.unsubscribesync.localorg.soql.CompiledQuery;
import com.unsubscribesync.localorg.soql.SelectedColumn;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.RecordTable;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a query batch's records as Bulk API 1.0 CSV results: a header row of the selected fields (a parent's as
 * {@code Relationship.Field}), every value in double quotes, a null as an empty value, booleans as true/false,
 * dateTimes in UTC with milliseconds. A result grows to at most {@code maxBytes}, then another begins with the header
 * again; no records at all is one result saying so.
 */
final class QueryCsv {
    /** What Salesforce's result holds when the query matched nothing. */
    static final String NO_RECORDS = "Records not found for this query";

    private final CompiledQuery query;
    private final long maxBytes;
    private final Supplier<String> resultIds;
    private final StringBuilder line = new StringBuilder(256);

    QueryCsv(CompiledQuery query, long maxBytes, Supplier<String> resultIds) {
        this.query = query;
        this.maxBytes = maxBytes;
        this.resultIds = resultIds;
    }

    /** The results of the rows the supplier gives, one by one, until it gives -1. */
    List<ResultFile> write(IntSupplier rows) {
        byte[] header = header();
        List<ResultFile> files = new ArrayList<>();
        Part part = null;
        for (int row = rows.getAsInt(); row >= 0; row = rows.getAsInt()) {
            byte[] record = record(row);
            if (part == null || (part.records > 0 && part.bytes + record.length > maxBytes)) {
                if (part != null) {
                    files.add(part.finish());
                }
                part = new Part(resultIds.get(), header);
            }
            part.add(record);
        }
        if (part == null) {
            part = new Part(resultIds.get(), NO_RECORDS.getBytes(StandardCharsets.UTF_8));
        }
        files.add(part.finish());
        return files;
    }

    private byte[] header() {
        line.setLength(0);
        for (SelectedColumn column : query.columns()) {
            if (column instanceof SelectedColumn.Direct direct) {
                quote(direct.field().name());
            } else {
                SelectedColumn.Parent parent = (SelectedColumn.Parent) column;
                for (FieldDef field : parent.fields()) {
                    quote(parent.reference().relationshipName() + "." + field.name());
                }
            }
        }
        return endLine();
    }

    private byte[] record(int row) {
        line.setLength(0);
        RecordTable table = query.table();
        for (SelectedColumn column : query.columns()) {
            if (column instanceof SelectedColumn.Direct direct) {
                value(table.value(row, direct.field()));
            } else {
                SelectedColumn.Parent parent = (SelectedColumn.Parent) column;
                Object parentId = table.value(row, parent.reference());
                int parentRow = parentId == null ? -1 : parent.target().rowOf((String) parentId);
                for (FieldDef field : parent.fields()) {
                    value(parentRow < 0 ? null : parent.target().value(parentRow, field));
                }
            }
        }
        return endLine();
    }

    private void value(Object value) {
        quote(value == null ? "" : WireValues.format(value));
    }

    private void quote(String text) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(c);
            if (c == '"') {
                line.append('"');
            }
        }
        line.append('"');
    }

    private byte[] endLine() {
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One result being written, gzipped as it grows so a million records never sit in memory as text. */
    private static final class Part {
        private final String id;
        private final ByteArrayOutputStream zipped = new ByteArrayOutputStream(64 * 1024);
        private final OutputStream gzip;
        private long bytes;
        private int records = -1;

        Part(String id, byte[] first) {
            this.id = id;
            try {
                // Buffered, so the deflater gets 64 KB at a time rather than one line.
                gzip = new BufferedOutputStream(
                        new GZIPOutputStream(zipped, 64 * 1024) {
                            {
                                def.setLevel(Deflater.BEST_SPEED);
                            }
                        },
                        64 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            add(first);
        }

        void add(byte[] line) {
            try {
                gzip.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes += line.length;
            records++;
        }

        ResultFile finish() {
            try {
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ResultFile(id, zipped.toByteArray(), bytes, Math.max(0, records));
        }
    }
}
