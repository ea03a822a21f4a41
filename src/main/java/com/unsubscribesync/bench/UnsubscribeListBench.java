package com.unsubscribesync.bench;

import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.ListQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The {@code list} scenario: N unsubscribes imported from a generated CSV through the real importer, then the
 * console's first page and an email-prefix search, timed through the store and, as the baseline, as the bare
 * JDBC query of the same page on the same database.
 */
final class UnsubscribeListBench {
    private static final int PAGE = 50;
    private static final int REPEATS = 5;
    private static final String[] PREFIXES = {"ab", "zx", "m", "person12", "qq"};

    private final AppWiring app;
    private final StoreUnderBench store;
    private final HeapSampler heap;

    UnsubscribeListBench(AppWiring app, StoreUnderBench store, HeapSampler heap) {
        this.app = app;
        this.store = store;
        this.heap = heap;
    }

    ScenarioResult run(Path directory, int rows) throws IOException {
        Path csv = directory.resolve("unsubscribes.csv");
        generate(csv, rows, new Random(42));
        Path data = directory.resolve("list-data");
        Files.createDirectories(data);
        Database database = store.open(data);
        heap.restart();
        try (AppUnderBench workspace = app.open(data, database, Optional.empty())) {
            long start = System.nanoTime();
            ImportReport report =
                    workspace.unsubscribeImporter().importFile(csv, new ImportOptions(false, false), "bench");
            double importMs = millisSince(start);

            double firstPageColdMs = time(() -> workspace.unsubscribes().list("", PAGE, 0));
            double searchColdMs = time(() -> workspace.unsubscribes().list("kq", PAGE, 0));
            double[] firstPage = new double[REPEATS];
            double[] search = new double[REPEATS];
            double[] bareFirstPage = new double[REPEATS];
            double[] bareSearch = new double[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                String prefix = PREFIXES[i];
                firstPage[i] = time(() -> workspace.unsubscribes().list("", PAGE, 0));
                search[i] = time(() -> workspace.unsubscribes().list(prefix, PAGE, 0));
                bareFirstPage[i] = time(() -> barePage(database, ""));
                bareSearch[i] = time(() -> barePage(database, prefix));
            }
            int last = (int) Math.max(0, report.added() - PAGE);
            double lastPageColdMs = time(() -> workspace.unsubscribes().list("", PAGE, last));
            double lastPageMs = time(() -> workspace.unsubscribes().list("", PAGE, last));
            double middlePageMs = time(() -> workspace.unsubscribes().list("", PAGE, (int) (report.added() / 2)));
            // The console's list: everyone (unsubscribed and resubscribed) and a search by any part of the address.
            ListQuery all = new ListQuery(ListQuery.Shown.ALL, "");
            double allFirstPageMs = time(() -> workspace.unsubscribes().page(all, PAGE, 0));
            double allCountMs = time(() -> workspace.unsubscribes().count(all));
            double allMiddlePageColdMs =
                    time(() -> workspace.unsubscribes().page(all, PAGE, (int) (report.added() / 2)));
            double allMiddlePageMs = time(() -> workspace.unsubscribes().page(all, PAGE, (int) (report.added() / 2)));
            ListQuery common = new ListQuery(ListQuery.Shown.ALL, "kq");
            ListQuery rare = new ListQuery(ListQuery.Shown.ALL, ".4242@example");
            double containsFirstPageMs = time(() -> workspace.unsubscribes().page(common, PAGE, 0));
            double containsCountMs = time(() -> workspace.unsubscribes().count(common));
            double rareFirstPageMs = time(() -> workspace.unsubscribes().page(rare, PAGE, 0));
            double rareCountMs = time(() -> workspace.unsubscribes().count(rare));

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("store", database.product());
            details.put("rows", report.rows());
            details.put("imported", report.added());
            details.put("importMs", round(importMs));
            details.put("firstPageColdMs", round(firstPageColdMs));
            details.put("firstPageMedianMs", round(median(firstPage)));
            details.put("prefixSearchColdMs", round(searchColdMs));
            details.put("prefixSearchMedianMs", round(median(search)));
            details.put("middlePageMs", round(middlePageMs));
            details.put("lastPageColdMs", round(lastPageColdMs));
            details.put("lastPageMs", round(lastPageMs));
            details.put("allFirstPageMs", round(allFirstPageMs));
            details.put("allCountMs", round(allCountMs));
            details.put("allMiddlePageColdMs", round(allMiddlePageColdMs));
            details.put("allMiddlePageMs", round(allMiddlePageMs));
            details.put("containsSearchFirstPageMs", round(containsFirstPageMs));
            details.put("containsSearchCountMs", round(containsCountMs));
            details.put("rareContainsSearchFirstPageMs", round(rareFirstPageMs));
            details.put("rareContainsSearchCountMs", round(rareCountMs));
            details.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            return new ScenarioResult(
                    "list",
                    0,
                    0,
                    median(firstPage) + median(search),
                    median(bareFirstPage) + median(bareSearch),
                    heap.peakMb(),
                    details);
        }
    }

    /** The same page as the console's, read with nothing but JDBC. */
    private static int barePage(Database database, String prefix) {
        return database.read(connection -> {
            String sql = "SELECT email, unsubscribed_at, source FROM unsubscribes "
                    + (prefix.isEmpty() ? "" : "WHERE email LIKE ? ") + "ORDER BY email LIMIT " + PAGE;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (!prefix.isEmpty()) {
                    select.setString(1, prefix + "%");
                }
                int count = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        count++;
                    }
                }
                return count;
            }
        });
    }

    private static void generate(Path csv, int rows, Random random) {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("email,source,reason,unsubscribed_at\n");
            String[] sources = {"manual", "clicked-link", "bounce", ""};
            for (int i = 0; i < rows; i++) {
                StringBuilder local = new StringBuilder();
                int length = 4 + random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    local.append((char) ('a' + random.nextInt(26)));
                }
                out.write(local + "." + i + "@example" + (i % 97) + ".com," + sources[i % 4] + ",,2025-0" + (1 + i % 9)
                        + "-1" + (i % 10) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return millisSince(start);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
