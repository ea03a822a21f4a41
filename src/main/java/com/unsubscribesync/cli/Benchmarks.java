package com.unsubscribesync.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The benchmark scenarios of TESTING.md. The composition root runs them against an in-process local org and a
 * temporary data directory; the command line only chooses them and prints what they measured.
 */
public interface Benchmarks {
    /** Every scenario, in the order they run. */
    List<String> scenarios();

    /** Those run when none is named. */
    List<String> defaultScenarios();

    /**
     * How big to make them.
     *
     * @param people         people in the org (and unsubscribes for {@code list}); empty takes each scenario's default
     * @param changedPercent share of the people changed before {@code incremental}
     * @param burst          unsubscribes recorded within one second in {@code burst}
     * @param latencies      the latency profiles of the local org to run the scenarios under, one after the other
     * @param callsInFlight  the engine's "calls in flight"; empty keeps the app's default
     */
    record Size(
            Optional<Integer> people,
            double changedPercent,
            int burst,
            List<String> latencies,
            Optional<Integer> callsInFlight) {}

    /**
     * Refuses a latency profile the local org does not know.
     *
     * @throws com.unsubscribesync.domain.InvalidInputException naming the choices
     */
    void checkLatency(String profile);

    /**
     * One scenario's figures: API calls against the theoretical minimum, wall time against the bare force-wsc
     * baseline doing the same calls, the peak heap, and whatever else the scenario measures.
     */
    record Result(
            String scenario,
            long apiCalls,
            long minApiCalls,
            double wallMs,
            double baselineWallMs,
            long peakHeapMb,
            Map<String, Object> details) {

        public double ratio() {
            return baselineWallMs <= 0 ? 0 : wallMs / baselineWallMs;
        }
    }

    /** Runs the scenarios in the order of {@link #scenarios()}, handing each result over as soon as it is measured. */
    void run(List<String> scenarios, Size size, Consumer<Result> each);
}
