package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --json} at a small size, in-process: every scenario with every field of the contract, and figures
 * that hang together. How fast anything is stays out of this test; the benchmark itself reports that.
 */
// Each runs whole benchmarks (a minute together): with -Pslow, which CI also runs.
@Tag("slow")
class BenchCommandTest {
    private static final List<String> FIELDS =
            List.of("scenario", "apiCalls", "minApiCalls", "wallMs", "baselineWallMs", "ratio", "peakHeapMb");

    @Test
    void everyScenarioReportsItsCallsTimesAndHeapBesideTheBaseline() throws Exception {
        CliRun run = run("bench", "--people", "2000", "--burst", "300", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out());
        List<String> scenarios = new ArrayList<>();
        results.forEach(result -> scenarios.add(result.get("scenario").asText()));
        assertThat(scenarios).containsExactly("initial", "incremental", "idle", "burst", "intake", "list");
        for (JsonNode result : results) {
            String scenario = result.get("scenario").asText();
            assertThat(FIELDS)
                    .allSatisfy(field -> assertThat(result.has(field))
                            .as(scenario + " " + field)
                            .isTrue());
            assertThat(result.get("apiCalls").asLong())
                    .as(scenario)
                    .isGreaterThanOrEqualTo(result.get("minApiCalls").asLong());
            assertThat(result.get("wallMs").asDouble()).as(scenario).isPositive();
            assertThat(result.get("baselineWallMs").asDouble()).as(scenario).isPositive();
            assertThat(result.get("ratio").asDouble()).as(scenario).isPositive();
            assertThat(result.get("peakHeapMb").asLong()).as(scenario).isPositive();
            assertThat(result.get("store").asText()).as(scenario).isEqualTo("h2");
        }
        for (JsonNode nightly : List.of(results.get(0), results.get(1), results.get(2))) {
            assertThat(nightly.get("sameWorkAsBaseline").asBoolean())
                    .as(nightly.toString())
                    .isTrue();
            assertThat(nightly.get("apiCalls").asLong())
                    .isEqualTo(nightly.get("baselineApiCalls").asLong());
        }
        JsonNode initial = results.get(0);
        assertThat(initial.get("pulled").asInt()).isGreaterThan(1900);
        assertThat(initial.get("pushed").asInt()).as("5 % unsubscribed here").isBetween(50, 150);
        assertThat(initial.get("imported").asInt()).as("5 % opted out there").isBetween(50, 150);
        assertThat(results.get(1).get("pushed").asInt()).isPositive();
        assertThat(results.get(2).get("writes").asInt()).as("idle").isZero();
        assertThat(results.get(2).get("apiCalls").asLong()).as("idle").isLessThanOrEqualTo(5);
        List<Double> nights = new ArrayList<>();
        results.get(2).get("wallMsEachNight").forEach(night -> nights.add(night.asDouble()));
        nights.sort(null);
        assertThat(nights).as("idle nights").hasSize(3);
        assertThat(results.get(2).get("wallMs").asDouble())
                .as("the median night")
                .isCloseTo(nights.get(1), org.assertj.core.data.Offset.offset(0.1));

        JsonNode burst = results.get(3);
        assertThat(burst.get("unsubscribes").asInt()).isEqualTo(300);
        assertThat(burst.get("missed").asInt()).isZero();
        assertThat(burst.get("p50Ms").asDouble()).isPositive();
        assertThat(burst.get("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(burst.get("p50Ms").asDouble());
        assertThat(burst.get("callsByOperation").has("query"))
                .as("known addresses are not searched by email")
                .isFalse();

        JsonNode intake = results.get(4);
        assertThat(intake.get("unsubscribes").asInt()).isEqualTo(300);
        assertThat(intake.get("missed").asInt())
                .as("clicks not opted out in the org")
                .isZero();
        assertThat(intake.get("clicksAnswered").asInt()).isEqualTo(300);
        assertThat(intake.get("clicksFailed").asInt()).isZero();
        assertThat(intake.get("answerP99Ms").asDouble()).isPositive();
        assertThat(intake.get("steadyClicksPerSecond").asDouble()).isPositive();

        JsonNode list = results.get(5);
        assertThat(list.get("imported").asInt()).isEqualTo(2000);
        assertThat(list.get("apiCalls").asLong()).isZero();
    }

    @Test
    void anUnknownScenarioIsRefusedInOneLine() {
        CliRun run = run("bench", "--scenario", "nightly");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .contains("--scenario nightly")
                .contains("initial, incremental, idle, burst, intake, list, large-initial");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void eachScenarioRunsUnderEveryLatencyProfileAskedForWithItsBaseline() throws Exception {
        CliRun run = run(
                "bench",
                "--people",
                "200",
                "--scenario",
                "idle",
                "--latency",
                "zero",
                "--latency",
                "default=1ms",
                "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("latency").asText()).isEqualTo("zero");
        assertThat(results.get(1).get("latency").asText()).isEqualTo("default=1ms");
        for (JsonNode result : results) {
            assertThat(result.get("scenario").asText()).isEqualTo("idle");
            assertThat(result.get("store").asText()).as("without --store").isEqualTo("h2");
            assertThat(result.get("baselineWallMs").asDouble()).isPositive();
        }
    }

    @Test
    void largeInitialRunsTheAppInAProcessOfItsOwnOnceThroughBulkQueryAndOnceOnSoapPages() throws Exception {
        CliRun run = run("bench", "--people", "3000", "--scenario", "large-initial", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).get(0);
        assertThat(FIELDS)
                .allSatisfy(field -> assertThat(result.has(field)).as(field).isTrue());
        assertThat(result.get("scenario").asText()).isEqualTo("large-initial");
        assertThat(result.get("heap").asText()).isEqualTo("256m");
        assertThat(result.get("pulled").asInt())
                .as("every person, read by the app's own process")
                .isEqualTo(3000);
        assertThat(result.get("imported").asInt())
                .as("5 % opted out in Salesforce")
                .isBetween(75, 225);
        assertThat(result.get("sameWorkOnBothPaths").asBoolean()).isTrue();
        assertThat(result.get("apiCalls").asLong())
                .isGreaterThanOrEqualTo(result.get("minApiCalls").asLong())
                .isLessThanOrEqualTo(result.get("minApiCalls").asLong() + 5);
        assertThat(result.get("soapApiCalls").asLong()).isPositive();
        assertThat(result.get("baselineWallMs").asDouble())
                .as("the SOAP path's run is what the Bulk path is compared with")
                .isCloseTo(result.get("soapWallMs").asDouble(), org.assertj.core.data.Offset.offset(0.1));
        assertThat(result.get("dataDirectoryMb").asLong())
                .as("the H2 file at least")
                .isNotNegative();
        assertThat(result.get("runMs").asLong()).isPositive().isLessThan((long)
                result.get("wallMs").asDouble());
    }

    @Test
    void anUnknownLatencyProfileIsRefusedInOneLineBeforeAnythingRuns() {
        CliRun run = run("bench", "--latency", "zero,slow");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .contains("--latency")
                .contains("'slow'")
                .contains("zero, typical");
        assertThat(run.out()).isEmpty();
    }

    private static CliRun run(String... args) {
        return CliRun.withArgumentsAsGiven().run(args);
    }
}
