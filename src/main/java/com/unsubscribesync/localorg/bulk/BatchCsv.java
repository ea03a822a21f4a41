package com.unsubscribesync.localorg.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.unsubscribesync.localorg.partner.RecordError;
import com.unsubscribesync.localorg.partner.RecordUpdates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A CSV batch as sent (a header of field names, then one row per record) and the result CSV Salesforce returns. */
record BatchCsv(List<String> header, List<List<String>> rows) {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    static final String RESULT_HEADER = "\"Id\",\"Success\",\"Created\",\"Error\"\n";

    /** Reads RFC 4180 text; throws IllegalArgumentException with the sentence a failed batch shows. */
    /**
     * About how many records a CSV carries, its lines after the header, for latency only: a line break inside a
     * quoted value counts as a record too.
     */
    static int lines(String text) {
        int breaks = (int) text.chars().filter(c -> c == '\n').count();
        boolean lastUnended = !text.isEmpty() && !text.endsWith("\n");
        return Math.max(0, breaks + (lastUnended ? 1 : 0) - 1);
    }

    static BatchCsv parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).readValues(text)) {
            while (rows.hasNextValue()) {
                String[] row = rows.nextValue();
                if (!(row.length == 1 && row[0].isEmpty())) {
                    lines.add(Arrays.asList(row));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("InvalidBatch : Failed to parse CSV. " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("InvalidBatch : Failed to parse CSV header");
        }
        List<String> header = lines.get(0).stream().map(String::trim).toList();
        return new BatchCsv(header, lines.subList(1, lines.size()));
    }

    static String resultLine(RecordUpdates.Outcome outcome) {
        String error = outcome.error().map(BatchCsv::errorText).orElse("");
        return quoted(outcome.id().orElse("")) + "," + quoted(String.valueOf(outcome.success())) + "," + quoted("false")
                + "," + quoted(error) + "\n";
    }

    /** STATUS_CODE:message:fields -- as in Salesforce's result files ("--" alone when no field is named). */
    private static String errorText(RecordError error) {
        String fields = error.fields().isEmpty() ? "--" : String.join(",", error.fields()) + " --";
        return error.statusCode() + ":" + error.message() + ":" + fields;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
