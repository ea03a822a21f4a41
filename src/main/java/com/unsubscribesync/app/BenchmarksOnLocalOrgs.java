package com.unsubscribesync.app;

import com.unsubscribesync.bench.LocalOrgBenchmarks;
import com.unsubscribesync.bench.ScenarioSize;
import com.unsubscribesync.bench.StoreUnderBench;
import com.unsubscribesync.cli.Benchmarks;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code bench} command's scenarios: the benchmark package run on the app as this composition root wires it.
 * The command line and the benchmarks do not know each other (ADR 0048). They run on the store {@code --store} or
 * {@code UNSUBSCRIBE_SYNC_STORE} names, each in a schema of its own there (ADR 0063), else on H2 files.
 */
final class BenchmarksOnLocalOrgs implements Benchmarks {
    private static final String ACTOR = "bench";

    private final Supplier<Optional<String>> storeUrl;
    private final Map<String, String> env;

    private final LocalOrgBenchmarks benchmarks = new LocalOrgBenchmarks(
            (dataDirectory, database, engineOrg) -> new AppWorkspace(
                    dataDirectory, database, Clock.systemUTC(), ACTOR, Map.of(), engineOrg, Optional.empty()),
            BenchmarksOnLocalOrgs::thisApp);

    /** @param storeUrl the store URL given, read once the command line is parsed */
    BenchmarksOnLocalOrgs(Supplier<Optional<String>> storeUrl, Map<String, String> env) {
        this.storeUrl = storeUrl;
        this.env = env;
    }

    @Override
    public List<String> scenarios() {
        return LocalOrgBenchmarks.SCENARIOS;
    }

    @Override
    public List<String> defaultScenarios() {
        return LocalOrgBenchmarks.DEFAULT_SCENARIOS;
    }

    /** This app's command line in a process of its own: the same Java, class path and main class as this one. */
    private static List<String> thisApp(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(arguments);
        return command;
    }

    @Override
    public void checkLatency(String profile) {
        latency(profile);
    }

    private static LatencyProfile latency(String profile) {
        try {
            return LatencyProfile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--latency: " + e.getMessage());
        }
    }

    @Override
    public void run(List<String> scenarios, Size size, Consumer<Result> each) {
        benchmarks.run(
                scenarios,
                new ScenarioSize(size.people(), size.changedPercent(), size.burst(), size.callsInFlight()),
                size.latencies().stream().map(BenchmarksOnLocalOrgs::latency).toList(),
                storeUrl.get()
                        .map(url -> StoreUnderBench.schemaIn(
                                url, Optional.ofNullable(env.get(WorkspaceOpener.STORE_PASSWORD))))
                        .orElse(StoreUnderBench.h2File()),
                result -> each.accept(new Result(
                        result.scenario(),
                        result.apiCalls(),
                        result.minApiCalls(),
                        result.wallMs(),
                        result.baselineWallMs(),
                        result.peakHeapMb(),
                        result.details())));
    }
}
