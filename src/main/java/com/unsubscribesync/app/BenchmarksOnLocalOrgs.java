package com.unsubscribesync.app;

import com.unsubscribesync.bench.LocalOrgBenchmarks;
import com.unsubscribesync.bench.ScenarioSize;
import com.unsubscribesync.cli.Benchmarks;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code bench} command's scenarios: the benchmark package run on the app as this composition root wires it.
 * The command line and the benchmarks do not know each other (ADR 0048).
 */
final class BenchmarksOnLocalOrgs implements Benchmarks {
    private static final String ACTOR = "bench";

    private final LocalOrgBenchmarks benchmarks = new LocalOrgBenchmarks((dataDirectory, database, engineOrg) ->
            new AppWorkspace(dataDirectory, database, Clock.systemUTC(), ACTOR, Map.of(), engineOrg, Optional.empty()));

    @Override
    public List<String> scenarios() {
        return LocalOrgBenchmarks.SCENARIOS;
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
                new ScenarioSize(size.people(), size.changedPercent(), size.burst()),
                size.latencies().stream().map(BenchmarksOnLocalOrgs::latency).toList(),
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
