package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.collect.ImportScratch;
import com.unsubscribesync.testing.Eventually;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SIGKILLed {@code unsubscribe import} leaves its scratch files only in the data directory, until the next start. */
class KilledImportTest {
    private static final int ROWS = 150_000;

    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void aKilledImportLeavesItsScratchOnlyInTheDataDirectoryAndTheNextStartRemovesIt() throws Exception {
        Path csv = files.resolve("big.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("email,reason\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("person" + i + "@example.com,moved to another supplier\n");
            }
        }
        assertThat(CliRun.in(data, "status").exit()).isZero();
        Path work = data.resolve(ImportScratch.FOLDER);
        List<Path> systemTempBefore = systemTempImports();

        Process importing = start("unsubscribe", "import", csv.toString());
        Eventually.within(Duration.ofSeconds(60))
                .until(
                        "the import's scratch folder, or the import's end",
                        () -> !scratch(work).isEmpty() || !importing.isAlive());
        assertThat(importing.isAlive())
                .as("the import was still running when its scratch folder appeared")
                .isTrue();
        importing.destroyForcibly();
        assertThat(importing.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(scratch(work)).as("left by the killed import").hasSize(1);
        assertThat(systemTempImports())
                .as("nothing in the system temporary folder")
                .containsExactlyInAnyOrderElementsOf(systemTempBefore);

        assertThat(CliRun.in(data, "status").exit()).isZero();
        assertThat(scratch(work)).as("removed by the next start").isEmpty();
    }

    private static List<Path> scratch(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(work)) {
            return listed.filter(p -> p.getFileName().toString().startsWith("unsubscribe-import-"))
                    .toList();
        }
    }

    private static List<Path> systemTempImports() throws IOException {
        try (Stream<Path> listed = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return listed.filter(p -> p.getFileName().toString().startsWith("unsubscribe-import-"))
                    .toList();
        }
    }

    private Process start(String... command) throws IOException {
        return AppProcess.startAppendingTo(files.resolve("process.txt"), data, command);
    }
}
