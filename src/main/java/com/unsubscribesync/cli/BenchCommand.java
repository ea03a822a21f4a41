package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.SyncSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the scenarios of TESTING.md, each on its own in-process local org and temporary data directory.
 * Without {@code --json} each scenario prints one line as soon as it is done; with it, one JSON array at the end.
 * Each result names the store it ran on ({@code h2} or {@code postgresql}).
 */
@Command(
        name = "bench",
        description = "Run the benchmark scenarios against an in-process local org, on a temporary H2 file or, with"
                + " --store URL, in a schema of their own in that database, dropped afterwards.")
public class BenchCommand implements Callable<Integer> {
    private final Benchmarks benchmarks;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--people",
            paramLabel = "N",
            description = "People in the org (default 100 000; 1 000 000 for large-initial), and "
                    + "unsubscribes in the store for list (default 1 000 000).")
    Integer people;

    @Option(
            names = "--changed",
            paramLabel = "PERCENT",
            defaultValue = "1",
            description = "Share of the people changed since the last run, for incremental (default 1).")
    double changed;

    @Option(
            names = "--burst",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Unsubscribes recorded within one second, for burst (default 10 000).")
    int burst;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            split = ",",
            description = "Only these scenarios: initial, incremental, idle, burst, intake, list, large-initial"
                    + " (default: all but large-initial).")
    List<String> scenarios;

    @Option(
            names = "--latency",
            paramLabel = "PROFILE",
            description = "How long the local org takes to answer: zero (the default), typical (a production org"
                    + " seen from a desktop), or e.g. query=300ms+0.25ms/row,default=200ms,jitter=20%%. Repeat it, or"
                    + " give named profiles as zero,typical, to run the scenarios under each, baseline included.")
    List<String> latencies;

    @Option(
            names = "--calls-in-flight",
            paramLabel = "N",
            description = "The engine's setting calls-in-flight for the run (default: the app's default).")
    Integer callsInFlight;

    @Option(names = "--json", description = "Print one JSON array with an object per scenario.")
    boolean json;

    public BenchCommand(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Override
    public Integer call() {
        List<String> all = benchmarks.scenarios();
        List<String> chosen = scenarios == null ? benchmarks.defaultScenarios() : scenarios;
        for (String name : chosen) {
            if (!all.contains(name)) {
                throw new InvalidInputException(
                        "--scenario " + name + " is not a scenario: use one of " + String.join(", ", all));
            }
        }
        if (people != null) {
            OptionRange.require("--people", people, 100, 10_000_000);
        }
        if (changed <= 0 || changed > 50) {
            throw new InvalidInputException(
                    "--changed " + changed + " is out of range: use more than 0 and at most 50");
        }
        OptionRange.require("--burst", burst, 1, 1_000_000);
        if (callsInFlight != null) {
            OptionRange.require("--calls-in-flight", callsInFlight, 1, SyncSettings.MAX_CALLS_IN_FLIGHT);
        }
        List<String> profiles = profiles();
        profiles.forEach(benchmarks::checkLatency);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> results = new ArrayList<>();
        benchmarks.run(
                all.stream().filter(chosen::contains).toList(),
                new Benchmarks.Size(
                        Optional.ofNullable(people), changed, burst, profiles, Optional.ofNullable(callsInFlight)),
                result -> {
                    Map<String, Object> fields = fields(result);
                    results.add(fields);
                    if (!json) {
                        out.println(fields);
                        out.flush();
                    }
                });
        if (json) {
            out.println(Json.write(results));
        }
        return ExitCode.DONE;
    }

    /** The profiles asked for; a value without '=' may name several, separated by commas. */
    private List<String> profiles() {
        if (latencies == null || latencies.isEmpty()) {
            return List.of("zero");
        }
        List<String> profiles = new ArrayList<>();
        for (String value : latencies) {
            if (value.contains("=")) {
                profiles.add(value);
            } else {
                Arrays.stream(value.split(",")).map(String::trim).forEach(profiles::add);
            }
        }
        return profiles;
    }

    private static Map<String, Object> fields(Benchmarks.Result result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("scenario", result.scenario());
        fields.put("store", result.details().get("store"));
        Object latency = result.details().get("latency");
        if (latency != null) {
            fields.put("latency", latency);
        }
        fields.put("apiCalls", result.apiCalls());
        fields.put("minApiCalls", result.minApiCalls());
        fields.put("wallMs", round(result.wallMs()));
        fields.put("baselineWallMs", round(result.baselineWallMs()));
        fields.put("ratio", Math.round(result.ratio() * 100) / 100.0);
        fields.put("peakHeapMb", result.peakHeapMb());
        fields.putAll(result.details());
        return fields;
    }

    /** To the microsecond: a first page from a small store takes well under a tenth of a millisecond. */
    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
