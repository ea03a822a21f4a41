package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sync, conflicts and status on the demo org, as scripts use them. */
class SyncCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    @Test
    void syncNeedsAConnectedOrg() {
        CliRun run = run("sync", "run");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void runOnTheDemoOrgReportsItsFiguresAndItsConflictsCanBeResolved() throws IOException {
        assertThat(run("connect", "--demo").exit()).isZero();
        assertThat(run("unsubscribe", "add", "nobody@unknown.example").exit()).isZero();

        JsonNode preview = json("sync", "run", "--dry-run", "--json");
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(json("sync", "history", "--json"))
                .as("a preview is not a run")
                .isEmpty();

        JsonNode report = json("sync", "run", "--json");
        for (String field : List.of(
                "dryRun", "pulled", "pushed", "imported", "conflicts", "apiCalls", "durationMs", "stillRefused")) {
            assertThat(report.has(field)).as(field).isTrue();
        }
        assertThat(report.get("pulled").asInt()).isPositive();
        assertThat(report.get("imported").asInt())
                .as("the demo org has opt-outs")
                .isPositive();
        assertThat(json("status", "--json").get("lastRun").get("outcome").asText())
                .isEqualTo("succeeded");

        JsonNode conflicts = json("conflicts", "list", "--kind", "not-in-salesforce", "--json");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("email").asText()).isEqualTo("nobody@unknown.example");
        String id = conflicts.get(0).get("id").asText();

        CliRun wrong = run("conflicts", "resolve", id, "--action", "retry");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("use link or dismiss");

        assertThat(run("conflicts", "resolve", id, "--action", "dismiss").exit())
                .isZero();
        assertThat(json("conflicts", "list", "--json"))
                .noneMatch(c -> c.get("id").asText().equals(id));

        JsonNode again = json("sync", "run", "--json");
        assertThat(again.get("pushed").asInt()).isZero();
        assertThat(again.get("imported").asInt()).isZero();
    }

    private JsonNode json(String... args) throws IOException {
        CliRun run = run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CliRun run(String... args) {
        return CliRun.in(dataDirectory, args);
    }
}
