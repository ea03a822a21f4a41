package com.unsubscribesync.cli;

import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.domain.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Benchmarks on a temporary data directory. For now the {@code list} scenario: import N unsubscribes from a
 * generated CSV through the real importer, then time the first page and a prefix search.
 */
@Command(name = "bench", description = "Run the benchmark scenarios on a temporary data directory.")
public class BenchCommand implements Callable<Integer> {
    private static final int PAGE = 50;
    private static final int REPEATS = 5;

    @ParentCommand
    RootCommand root;
    @Spec
    CommandSpec spec;
    @Option(names = "--people", defaultValue = "1000000", description = "Rows to generate (default 1 000 000).")
    int people;
    @Option(names = "--scenario", defaultValue = "list", description = "Scenario to run: list.")
    String scenario;
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!scenario.equals("list")) {
            throw new InvalidInputException("scenario '" + scenario + "' is not available yet: use list");
        }
        if (people < 1 || people > 10_000_000) {
            throw new InvalidInputException("--people " + people + " is out of range: use 1 to 10000000");
        }
        Path directory = Files.createTempDirectory("unsubscribe-sync-bench");
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            Map<String, Object> result = list(directory);
            result.put("peakHeapMb", heap.peakMb());
            spec.commandLine().getOut().println(json ? Json.write(List.of(result)) : result.toString());
        } finally {
            heap.interrupt();
            root.closeWorkspace();
            deleteTree(directory);
        }
        return ExitCode.DONE;
    }

    private Map<String, Object> list(Path directory) throws IOException {
        Path csv = directory.resolve("unsubscribes.csv");
        generate(csv, people, new Random(42));
        root.dataDirectory = directory.resolve("data");
        Workspace workspace = root.workspace();

        long start = System.nanoTime();
        ImportReport report = workspace.unsubscribeImporter().importFile(csv, new ImportOptions(false, false), "bench");
        long importMs = millisSince(start);

        start = System.nanoTime();
        workspace.unsubscribes().list("", PAGE, 0);
        long firstPageColdMs = millisSince(start);
        start = System.nanoTime();
        workspace.unsubscribes().list("kq", PAGE, 0);
        long searchColdMs = millisSince(start);
        long[] firstPage = new long[REPEATS];
        long[] search = new long[REPEATS];
        String[] prefixes = {"ab", "zx", "m", "person12", "qq"};
        for (int i = 0; i < REPEATS; i++) {
            start = System.nanoTime();
            workspace.unsubscribes().list("", PAGE, 0);
            firstPage[i] = millisSince(start);
            start = System.nanoTime();
            workspace.unsubscribes().list(prefixes[i], PAGE, 0);
            search[i] = millisSince(start);
        }

        start = System.nanoTime();
        workspace.unsubscribes().list("", PAGE, (int) Math.max(0, report.added() - PAGE));
        long lastPageColdMs = millisSince(start);
        start = System.nanoTime();
        workspace.unsubscribes().list("", PAGE, (int) Math.max(0, report.added() - PAGE));
        long lastPageMs = millisSince(start);
        start = System.nanoTime();
        workspace.unsubscribes().list("", PAGE, (int) (report.added() / 2));
        long middlePageMs = millisSince(start);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "list");
        result.put("rows", report.rows());
        result.put("imported", report.added());
        result.put("importMs", importMs);
        result.put("firstPageColdMs", firstPageColdMs);
        result.put("firstPageMedianMs", median(firstPage));
        result.put("prefixSearchColdMs", searchColdMs);
        result.put("prefixSearchMedianMs", median(search));
        result.put("middlePageMs", middlePageMs);
        result.put("lastPageColdMs", lastPageColdMs);
        result.put("lastPageMs", lastPageMs);
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return result;
    }

    private static void generate(Path csv, int rows, Random random) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("email,source,reason,unsubscribed_at\n");
            String[] sources = {"manual", "clicked-link", "bounce", ""};
            for (int i = 0; i < rows; i++) {
                StringBuilder local = new StringBuilder();
                int length = 4 + random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    local.append((char) ('a' + random.nextInt(26)));
                }
                out.write(local + "." + i + "@example" + (i % 97) + ".com," + sources[i % 4] + ",,2025-0"
                        + (1 + i % 9) + "-1" + (i % 10) + "\n");
            }
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Samples the heap in use every 20 ms; the pools' own peaks are reached at different times and overstate it. */
    private static final class HeapSampler extends Thread {
        private volatile long peak;

        HeapSampler() {
            super("bench-heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (!isInterrupted()) {
                peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakMb() {
            return peak / (1024 * 1024);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
