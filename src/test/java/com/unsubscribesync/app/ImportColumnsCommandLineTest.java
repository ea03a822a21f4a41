package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line reads the same files as before, and others with --delimiter and --email-column. */
class ImportColumnsCommandLineTest {
    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void aSemicolonFileWithAnEmailAddressHeaderImportsWithDelimiterAndEmailColumnAndIsRefusedWithout()
            throws Exception {
        Path csv = files.resolve("export.csv");
        Files.writeString(csv, "Email Address;reason\nann@example.com;moved\nbo@example.com;\n");

        CliRun plain = CliRun.in(data, "unsubscribe", "import", csv.toString());
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err()).contains("has no 'email' column");

        CliRun chosen = CliRun.in(
                data,
                "unsubscribe",
                "import",
                csv.toString(),
                "--delimiter",
                "semicolon",
                "--email-column",
                "Email Address");
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("2 added");
        assertThat(CliRun.in(data, "unsubscribe", "history", "ann@example.com").out())
                .contains("moved");
    }

    @Test
    void anUnknownDelimiterIsABadInputInOneLine() throws Exception {
        Path csv = files.resolve("people.csv");
        Files.writeString(csv, "email\nann@example.com\n");

        CliRun run = CliRun.in(data, "people", "import", csv.toString(), "--delimiter", "pipe");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("delimiter 'pipe' is not one of");
    }
}
