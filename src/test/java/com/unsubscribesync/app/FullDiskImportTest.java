package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import onto a disk that really fills up: a small tmpfs, which only root may mount, so the test carries the tag
 * {@code root} and runs when the build runs as root (CI does). Elsewhere {@code UnsubscribeImporterTest} fails the
 * disk through an H2 trigger instead.
 */
@Tag("root")
class FullDiskImportTest {
    private static final int ROWS = 60_000;
    private static final Pattern SAVED = Pattern.compile("(\\d+) rows were saved for good");

    @TempDir
    Path files;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void anImportOnAFullDiskSaysHowManyRowsItSavedAndTheRerunAfterFreeingSpaceFinishesIt() throws Exception {
        assertThat(System.getProperty("user.name"))
                .as("mounting a small disk needs root")
                .isEqualTo("root");
        Path point = Files.createDirectories(files.resolve("small-disk"));
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=10m", "tmpfs", point.toString()))
                .as("mount -t tmpfs as root")
                .isZero();
        mount = point;
        Path csv = files.resolve("unsubscribes.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("email,reason\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("person" + i + "@example.com,moved to a different supplier after the merger\n");
            }
        }
        Path data = point.resolve("data");

        CliRun full = CliRun.in(data, "unsubscribe", "import", csv.toString());

        assertThat(full.exit()).isEqualTo(1);
        Matcher saved = SAVED.matcher(full.errorLine());
        assertThat(saved.find()).as(full.errorLine()).isTrue();
        assertThat(full.errorLine())
                .contains("No space left on device")
                .contains("run the same import again")
                .doesNotContain("rolled back");
        assertThat(unsubscribes(data)).isEqualTo(Long.parseLong(saved.group(1)));

        assertThat(run("mount", "-o", "remount,size=400m", point.toString())).isZero();
        CliRun again = CliRun.in(data, "unsubscribe", "import", csv.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(unsubscribes(data)).isEqualTo(ROWS);
    }

    private static long unsubscribes(Path data) throws IOException {
        CliRun status = CliRun.in(data, "status", "--json");
        return new ObjectMapper().readTree(status.out()).get("unsubscribes").asLong();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
