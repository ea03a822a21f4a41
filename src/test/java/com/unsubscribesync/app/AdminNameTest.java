package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team shares one store, so each change says which admin made it: the configured name, else the system user. */
class AdminNameTest {
    @TempDir
    Path data;

    @Test
    void theConfiguredAdminNameIsWhoHistoryShowsMadeTheChange() {
        CliRun added = CliRun.on(data)
                .env(Map.of(WorkspaceOpener.ADMIN, "  Maria Lopez "))
                .run("unsubscribe", "add", "ann@example.com");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(CliRun.in(data, "unsubscribe", "history", "ann@example.com").out())
                .contains("Maria Lopez");
    }

    @Test
    void withoutANameTheSystemUserIsRecorded() {
        assertThat(CliRun.in(data, "unsubscribe", "add", "ann@example.com").exit())
                .isZero();

        assertThat(CliRun.in(data, "unsubscribe", "history", "ann@example.com").out())
                .contains(System.getProperty("user.name"));
    }

    @Test
    void aNameOnTwoLinesIsRefusedInOneLineAndNothingIsWritten() {
        CliRun refused = CliRun.on(data)
                .env(Map.of(WorkspaceOpener.ADMIN, "Maria\nLopez"))
                .run("unsubscribe", "add", "ann@example.com");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().strip().lines())
                .singleElement()
                .asString()
                .contains(WorkspaceOpener.ADMIN)
                .contains("one line");
        assertThat(CliRun.in(data, "unsubscribe", "list").out()).doesNotContain("ann@example.com");
    }
}
