package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract, run in-process against a real data directory. */
class CommandLineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    @Test
    void badAddressExitsWithTwoAndOneLineAndWritesNothing() throws IOException {
        CliRun run = run("unsubscribe", "add", "Bad@@x");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .isEqualTo("error: email 'bad@@x' has more than one @");
        assertThat(run.out()).isEmpty();
        assertThat(json("unsubscribe", "list", "--json")).isEmpty();
    }

    @Test
    void addedAddressIsListedWithItsHistory() throws IOException {
        assertThat(run("unsubscribe", "add", " Ann@Example.com ", "--reason", "replied stop")
                        .exit())
                .isZero();

        JsonNode list = json("unsubscribe", "list", "--json");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("email").asText()).isEqualTo("ann@example.com");
        assertThat(list.get(0).get("source").asText()).isEqualTo("Manual");

        JsonNode history = json("unsubscribe", "history", "ann@example.com", "--json");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("action").asText()).isEqualTo("Unsubscribe");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("replied stop");
        assertThat(json("status", "--json").get("outboxPending").asLong()).isEqualTo(1);
    }

    @Test
    void resubscribeNeedsAReasonAndWarnsThatSalesforceMustBeUncheckedToo() throws IOException {
        run("unsubscribe", "add", "ann@example.com");
        assertThat(run("unsubscribe", "remove", "ann@example.com").exit()).isEqualTo(2);

        CliRun removed = run("unsubscribe", "remove", "ann@example.com", "--reason", "opted in again on the phone");
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).contains("Salesforce must be unchecked too");
        JsonNode history = json("unsubscribe", "history", "ann@example.com", "--json");
        assertThat(history)
                .extracting(entry -> entry.get("action").asText())
                .containsExactly("Unsubscribe", "Resubscribe");
    }

    @Test
    void resubscribeAlsoInSalesforceWithoutAnOrgWritesNothingAndExitsThree() throws IOException {
        run("unsubscribe", "add", "ann@example.com");
        CliRun run = run("unsubscribe", "remove", "ann@example.com", "--reason", "x", "--also-salesforce");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(json("unsubscribe", "list", "--json")).hasSize(1);
    }

    @Test
    void settingsAreValidatedAsAWholeBeforeAnyIsSaved() throws IOException {
        CliRun bad = run("settings", "set", "nightly-sync=on", "field=somewhere");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("field 'somewhere' is unknown");
        assertThat(json("settings", "show", "--json").get("nightlySync").asText())
                .isEqualTo("off");

        assertThat(run("settings", "set", "nightly-sync=on", "field=marketo-sales-opt-out")
                        .exit())
                .isZero();
        JsonNode settings = json("settings", "show", "--json");
        assertThat(settings.get("nightlySync").asText()).isEqualTo("on");
        assertThat(settings.get("field").asText()).isEqualTo("marketo-sales-opt-out");
        assertThat(json("status", "--json").get("nextRun").asText()).isEqualTo("2026-11-29T04:00:00Z");
    }

    @Test
    void callsInFlightIsASettingFromOneToTwentyFiveRefusedInOneLineOutside() throws IOException {
        assertThat(json("settings", "show", "--json").get("callsInFlight").asInt())
                .isEqualTo(4);
        for (String refused : java.util.List.of("0", "26", "many")) {
            CliRun run = run("settings", "set", "calls-in-flight=" + refused);
            assertThat(run.exit()).as(refused).isEqualTo(2);
            assertThat(run.err().strip())
                    .as(refused)
                    .startsWith("error: calls-in-flight")
                    .doesNotContain("\n");
        }
        assertThat(run("settings", "set", "calls-in-flight=0").err())
                .contains("calls-in-flight must be between 1 and 25");
        assertThat(run("settings", "set", "calls-in-flight=8").exit()).isZero();
        assertThat(json("settings", "show", "--json").get("callsInFlight").asInt())
                .isEqualTo(8);
    }

    @Test
    void theBulkThresholdIsASettingAndRefusesValuesWhereBulkCostsMoreThanSoap() throws IOException {
        assertThat(json("settings", "show", "--json").get("bulkThreshold").asInt())
                .isEqualTo(2_000);
        CliRun low = run("settings", "set", "bulk-threshold=999");
        assertThat(low.exit()).isEqualTo(2);
        assertThat(low.err()).contains("bulk-threshold must be at least 1000");
        assertThat(run("settings", "set", "bulk-threshold=5000").exit()).isZero();
        assertThat(json("settings", "show", "--json").get("bulkThreshold").asInt())
                .isEqualTo(5_000);
    }

    @Test
    void bulkQueryFromIsASettingThatIsOffOrAtLeastTenThousandRefusedInOneLineOtherwise() throws IOException {
        assertThat(json("settings", "show", "--json").get("bulkQueryFrom").asInt())
                .isEqualTo(100_000);
        for (String refused : java.util.List.of("9999", "0", "never")) {
            CliRun run = run("settings", "set", "bulk-query-from=" + refused);
            assertThat(run.exit()).as(refused).isEqualTo(2);
            assertThat(run.err().strip())
                    .as(refused)
                    .startsWith("error: bulk-query-from")
                    .doesNotContain("\n");
        }
        assertThat(run("settings", "set", "bulk-query-from=never").err()).contains("is not a whole number or off");
        assertThat(run("settings", "set", "bulk-query-from=off").exit()).isZero();
        assertThat(json("settings", "show", "--json").get("bulkQueryFrom").asText())
                .isEqualTo("off");
        assertThat(run("settings", "set", "bulk-query-from=250000").exit()).isZero();
        assertThat(json("settings", "show", "--json").get("bulkQueryFrom").asInt())
                .isEqualTo(250_000);
    }

    @Test
    void importWithABadRowReportsItsLineExitsTwoAndImportsNothing() throws IOException {
        Path file = dataDirectory.resolve("in.csv");
        Files.writeString(file, "email\nann@example.com\nnope\n");
        CliRun run = run("unsubscribe", "import", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("line 3: email 'nope' has no @");
        assertThat(run.err()).contains("nothing was imported");
        assertThat(json("unsubscribe", "list", "--json")).isEmpty();

        assertThat(run("unsubscribe", "import", file.toString(), "--skip-invalid")
                        .exit())
                .isZero();
        assertThat(json("unsubscribe", "list", "--json")).hasSize(1);
    }

    @Test
    void peopleImportLinksSalesforceIdsShownInStatus() throws IOException {
        Path file = dataDirectory.resolve("people.csv");
        Files.writeString(
                file,
                "Email,Salesforce_ID,First_Name,Last_Name\nann@example.com,003000000000001,Ann,Lee\n"
                        + "bo@example.com,,Bo,\n");
        assertThat(run("people", "import", file.toString()).exit()).isZero();
        JsonNode requirements = json("status", "--json").get("requirements");
        assertThat(requirements.get("peopleWithSalesforceId").asLong()).isEqualTo(1);
        assertThat(requirements.get("peopleTotal").asLong()).isEqualTo(2);
    }

    @Test
    void wrongFileGetsOneSentenceAndExitTwo() throws IOException {
        Path file = dataDirectory.resolve("notes.csv");
        Files.writeString(file, "name\nAnn\n");
        CliRun run = run("unsubscribe", "import", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().asString().contains("has no 'email' column");
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        CliRun run = run("frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void dataDirectoryThatIsAFileIsRefusedClearly() throws IOException {
        Path file = Files.writeString(dataDirectory.resolve("plain-file"), "x");
        CliRun run = runIn(file, "status");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is a file");
    }

    @Test
    void storeCompactShrinksTheFileAndKeepsWhatItHolds() throws IOException {
        Path csv = dataDirectory.resolve("people.csv");
        StringBuilder rows = new StringBuilder("email\n");
        for (int i = 0; i < 3_000; i++) {
            rows.append("person").append(i).append("@example.com\n");
        }
        Files.writeString(csv, rows);
        assertThat(run("unsubscribe", "import", csv.toString()).exit()).isZero();

        JsonNode compacted = json("store", "compact", "--json");

        assertThat(compacted.get("bytesAfter").asLong())
                .isLessThan(compacted.get("bytesBefore").asLong())
                .isEqualTo(Files.size(dataDirectory.resolve("unsubscribe-sync.mv.db")));
        assertThat(compacted.get("durationMs").asLong()).isNotNegative();
        assertThat(json("status", "--json").get("outboxPending").asLong()).isEqualTo(3_000);
    }

    @Test
    void storeCompactRefusesATeamStoreInOneLineWithoutReachingIt() {
        CliRun run = run("--store", "jdbc:postgresql://127.0.0.1:1/team?user=admin", "store", "compact");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: store compact works on this computer's store file")
                .contains("PostgreSQL reclaims its own space");
        assertThat(dataDirectory.resolve("unsubscribe-sync.mv.db")).doesNotExist();
    }

    private JsonNode json(String... args) throws IOException {
        CliRun run = run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CliRun run(String... args) {
        return runIn(dataDirectory, args);
    }

    private static CliRun runIn(Path directory, String... args) {
        return CliRun.on(directory).clock(CLOCK).run(args);
    }
}
