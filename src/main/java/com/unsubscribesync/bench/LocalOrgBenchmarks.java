package com.unsubscribesync.bench;

import com.unsubscribesync.localorg.latency.LatencyProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The benchmark scenarios of TESTING.md: every scenario against in-process local orgs and a temporary data
 * directory, deleted afterwards. Before measuring, the nightly and burst steps run once on a smaller org so that the
 * engine and the baseline are both past the JIT's warm-up when they are timed. Its bursts are of a few thousand
 * (4 000 for the default size): bursts of a few hundred left the intake's group commit and the passes' Bulk writes
 * to be compiled during the measured burst, on the cores it was measured on.
 */
public final class LocalOrgBenchmarks {
    /** Every scenario, in the order they run. */
    public static final List<String> SCENARIOS =
            List.of("initial", "incremental", "idle", "burst", "intake", "list", LargeInitialRuns.SCENARIO);
    /** Those run when none is named: {@code large-initial} takes many minutes and only runs when asked for. */
    public static final List<String> DEFAULT_SCENARIOS = SCENARIOS.stream()
            .filter(name -> !name.equals(LargeInitialRuns.SCENARIO))
            .toList();

    static final int DEFAULT_PEOPLE = 100_000;
    static final int DEFAULT_LIST_ROWS = 1_000_000;
    private static final int WARM_UP_PEOPLE = 10_000;

    private final AppWiring app;
    private final AppCommandLine commandLine;

    /**
     * @param commandLine how to run the app in a process of its own, for {@code large-initial}
     */
    public LocalOrgBenchmarks(AppWiring app, AppCommandLine commandLine) {
        this.app = app;
        this.commandLine = commandLine;
    }

    /** Runs the scenarios at zero latency on H2. */
    public void run(List<String> scenarios, ScenarioSize size, Consumer<ScenarioResult> each) {
        run(scenarios, size, List.of(LatencyProfile.zero()), StoreUnderBench.h2File(), each);
    }

    /**
     * Runs the scenarios in the order of {@link #SCENARIOS}, the ones that call the org once under each latency
     * profile (engine and baseline alike, on fresh orgs), handing each result over as soon as it is measured.
     * {@code list} makes no API call, so it runs once. Each scenario (and the warm-up) opens a new, empty store.
     */
    public void run(
            List<String> scenarios,
            ScenarioSize size,
            List<LatencyProfile> latencies,
            StoreUnderBench store,
            Consumer<ScenarioResult> each) {
        Path directory;
        try {
            directory = Files.createTempDirectory("unsubscribe-sync-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the benchmark", e);
        }
        try (HeapSampler heap = new HeapSampler()) {
            List<String> nightly =
                    scenarios.stream().filter(SyncScenarios.STEPS::contains).toList();
            if (!nightly.isEmpty()) {
                int people = size.people().orElse(DEFAULT_PEOPLE);
                int warmUpPeople = Math.min(WARM_UP_PEOPLE, Math.max(200, people / 10));
                ScenarioSize small = new ScenarioSize(
                        Optional.of(warmUpPeople),
                        size.changedPercent(),
                        Math.min(size.burst(), warmUpPeople * 2 / 5),
                        size.callsInFlight());
                try (SyncScenarios warmUp = new SyncScenarios(
                        app, store, warmUpPeople, small, LatencyProfile.zero(), heap, directory.resolve("warm-up"))) {
                    warmUp.run(SyncScenarios.STEPS, result -> {});
                }
                for (int i = 0; i < latencies.size(); i++) {
                    try (SyncScenarios measured = new SyncScenarios(
                            app, store, people, size, latencies.get(i), heap, directory.resolve("data-" + i))) {
                        measured.run(nightly, each);
                    }
                }
            }
            if (scenarios.contains("list")) {
                each.accept(new UnsubscribeListBench(app, store, heap)
                        .run(directory, size.people().orElse(DEFAULT_LIST_ROWS)));
            }
            if (scenarios.contains(LargeInitialRuns.SCENARIO)) {
                for (int i = 0; i < latencies.size(); i++) {
                    each.accept(new LargeInitialRuns(commandLine)
                            .run(
                                    size.people().orElse(LargeInitialRuns.DEFAULT_PEOPLE),
                                    latencies.get(i),
                                    directory.resolve(LargeInitialRuns.SCENARIO + "-" + i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(directory);
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
