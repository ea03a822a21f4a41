package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOptionCommandLineTest {
    @TempDir
    Path data;

    @Test
    void anUnreachableStoreIsOneLineWithExitTwoAndNoPassword() {
        CliRun run = CliRun.in(
                data,
                Map.of("UNSUBSCRIBE_SYNC_STORE_PASSWORD", "s3cret"),
                new ByteArrayOutputStream(),
                "--store",
                "jdbc:postgresql://127.0.0.1:1/team?user=sync&connectTimeout=5",
                "status");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine())
                .startsWith("error: could not open the store jdbc:postgresql://127.0.0.1:1/team: ")
                .doesNotContain("s3cret");
    }

    @Test
    void theStoreFromTheEnvironmentIsUsedWhenNoOptionIsGiven() {
        CliRun run = CliRun.in(
                data,
                Map.of("UNSUBSCRIBE_SYNC_STORE", "jdbc:oracle:thin:@127.0.0.1:1521/team"),
                new ByteArrayOutputStream(),
                "status");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine()).contains("jdbc:oracle:thin").contains("is not one this app can use");
    }

    @Test
    void aStoreUrlHoldingAPasswordIsRefusedWithoutRepeatingIt() {
        CliRun run =
                CliRun.in(data, "--store", "jdbc:postgresql://127.0.0.1/team?user=sync&password=hunter2", "status");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine()).contains("UNSUBSCRIBE_SYNC_STORE_PASSWORD").doesNotContain("hunter2");
    }

    @Test
    void storeCopyCopiesThisDataDirectorysStoreIntoAnEmptyOneOnlyOnce() {
        String target = "jdbc:h2:mem:copy-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        assertThat(CliRun.in(data, "unsubscribe", "add", "ann@example.com").exit())
                .isZero();

        CliRun copied = CliRun.in(data, "store", "copy", "--to", target);
        CliRun again = CliRun.in(data, "store", "copy", "--to", target);

        assertThat(copied.exit()).isZero();
        assertThat(copied.out()).contains("unsubscribes=1").contains("unsubscribe_history=1");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.errorLine()).contains("not empty");
    }
}
