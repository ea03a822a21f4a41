package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code sync history --run ID} shows what a run pushed, imported and failed on, with links; runs say
 * where they came from; times print in the admin's zone to the second while JSON keeps UTC; counts agree.
 */
class RunDetailCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dataDirectory;

    @Test
    void aRunFromTheCommandLineCanBeOpenedToSeeTheRecordsItPushedAndImportedWithLinks() throws IOException {
        seededDemoDirectory();

        CliRun sync = run(Clock.systemUTC(), "sync", "run");
        assertThat(sync.exit()).as(sync.err()).isZero();
        JsonNode runs = json("sync", "history", "--json");
        JsonNode last = runs.get(0);
        assertThat(last.get("origin").asText()).isEqualTo("command-line");
        assertThat(last.get("startedAt").asText()).as("JSON keeps ISO-8601 UTC").endsWith("Z");

        JsonNode detail = json("sync", "history", "--run", last.get("id").asText(), "--json");
        String instance = detail.get("instanceUrl").asText();
        assertThat(instance).startsWith("http");
        assertThat(detail.get("pushedRecords")).isNotEmpty().allSatisfy(record -> {
            assertThat(record.get("email").asText()).contains("@");
            assertThat(record.get("url").asText())
                    .isEqualTo(instance.replaceAll("/$", "") + "/"
                            + record.get("recordId").asText());
        });
        assertThat(detail.get("pushedRecords").size() + detail.get("morePushed").asInt())
                .isEqualTo(detail.get("pushed").asInt());
        assertThat(detail.get("importedRecords").size()
                        + detail.get("moreImported").asInt())
                .isEqualTo(detail.get("imported").asInt());

        CliRun human = run(
                Clock.systemUTC(), "sync", "history", "--run", last.get("id").asText());
        assertThat(human.exit()).isZero();
        String firstPushed = detail.get("pushedRecords").get(0).get("recordId").asText();
        assertThat(human.out())
                .contains("(run now, command line)")
                .contains("Pushed to Salesforce (")
                .contains("Imported from Salesforce (")
                .contains("Failed (0):")
                .contains(instance.replaceAll("/$", "") + "/" + firstPushed);
        assertThat(human.out().lines().findFirst().orElseThrow())
                .matches("Run #\\d+, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d P[SD]T .*");
    }

    @Test
    void aRunThatDoesNotExistIsOneLineAndExitTwo() {
        CliRun run = run(Clock.systemUTC(), "sync", "history", "--run", "999");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .contains("--run 999")
                .contains("no run with that ID");
    }

    @Test
    void timesPrintInTheAdminsZoneToTheSecondWhileJsonKeepsUtc() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T20:00:05.123456Z"), ZoneOffset.UTC);
        assertThat(run(clock, "unsubscribe", "add", "ann@example.com").exit()).isZero();

        CliRun list = run(clock, "unsubscribe", "list");
        assertThat(list.out())
                .contains("2026-12-02 12:00:05 PST")
                .doesNotContain("20:00:05")
                .doesNotContain(".123");
        CliRun history = run(clock, "unsubscribe", "history", "ann@example.com");
        assertThat(history.out()).startsWith("2026-12-02 12:00:05 PST");
        CliRun again = run(clock, "unsubscribe", "add", "ann@example.com");
        assertThat(again.out()).contains("already unsubscribed on 2026-12-02 12:00:05 PST");

        JsonNode json = json("unsubscribe", "list", "--json");
        assertThat(json.get(0).get("unsubscribedAt").asText()).isEqualTo("2026-12-02T20:00:05.123456Z");
    }

    @Test
    void oneNewConflictIsSingular() {
        assertThat(run(Clock.systemUTC(), "connect", "--demo").exit()).isZero();
        assertThat(run(Clock.systemUTC(), "unsubscribe", "add", "nobody@unknown.example")
                        .exit())
                .isZero();

        CliRun sync = run(Clock.systemUTC(), "sync", "run");

        assertThat(sync.out()).contains(", 1 new conflict, ").doesNotContain("1 new conflicts");
        CliRun history = run(Clock.systemUTC(), "sync", "history");
        assertThat(history.out()).contains("1 conflict,").doesNotContain("1 conflicts");
    }

    private void seededDemoDirectory() {
        try (AppWorkspace workspace = new AppWorkspace(
                dataDirectory, Database.openFile(dataDirectory), Clock.systemUTC(), "tester", Map.of())) {
            workspace.salesforce().connectDemo();
            workspace.connectionChanged();
            DemoData.seed(workspace, workspace.currentOrg().current().orElseThrow());
        }
    }

    private JsonNode json(String... args) throws IOException {
        CliRun run = run(Clock.systemUTC(), args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CliRun run(Clock clock, String... args) {
        return CliRun.on(dataDirectory)
                .clock(clock)
                .zone(PACIFIC)
                .console(arguments -> {
                    throw new AssertionError("no console here");
                })
                .run(args);
    }
}
