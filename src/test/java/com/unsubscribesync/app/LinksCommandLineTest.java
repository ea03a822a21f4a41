package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code links make} prints a link with its two header lines, or writes a CSV of them; bad input is one line, exit 2. */
class LinksCommandLineTest {
    private static final String BASE = "https://unsubscribe.example.com";

    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void makePrintsTheUrlAndTheTwoHeaderLines() {
        CliRun run = CliRun.in(data, "links", "make", "ann@example.com", "--campaign", "spring", "--base-url", BASE);

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().strip().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith(BASE + "/u/").doesNotContain("ann");
        assertThat(lines.get(1)).isEqualTo("List-Unsubscribe: <" + lines.get(0) + ">");
        assertThat(lines.get(2)).isEqualTo("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }

    @Test
    void aBadAddressOrAMissingBaseUrlIsOneLineAndExitTwo() {
        CliRun bad = CliRun.in(data, "links", "make", "ann@exa\u0007mple.com", "--base-url", BASE);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errorLine()).contains("control character");

        CliRun noBase = CliRun.in(data, "links", "make", "ann@example.com");
        assertThat(noBase.exit()).isEqualTo(2);
        assertThat(noBase.errorLine()).contains("--base-url");

        CliRun plainHttp = CliRun.in(data, "links", "make", "ann@example.com", "--base-url", "http://example.com");
        assertThat(plainHttp.exit()).isEqualTo(2);
        assertThat(plainHttp.errorLine()).contains("https");
    }

    @Test
    void theCsvFormWritesALinkPerRowAndABadRowWritesNothing() throws Exception {
        Path input = files.resolve("recipients.csv");
        Files.writeString(input, "Email,Campaign\nann@example.com,spring\nBob@Example.com,\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.in(
                data, "links", "make", "--csv", input.toString(), "--campaign", "default", "--base-url", BASE);

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(files.resolve("recipients-links.csv"));
        assertThat(rows.get(0)).isEqualTo("email,campaign,unsubscribe_url,list_unsubscribe");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("ann@example.com,spring," + BASE + "/u/");
        assertThat(rows.get(2)).startsWith("bob@example.com,default," + BASE + "/u/");

        Path bad = files.resolve("bad.csv");
        Files.writeString(bad, "email\nann@example.com\nnot-an-address\u0001\n", StandardCharsets.UTF_8);
        CliRun refused = CliRun.in(data, "links", "make", "--csv", bad.toString(), "--base-url", BASE);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLine()).contains("line 3");
        assertThat(files.resolve("bad-links.csv")).doesNotExist();
    }

    @Test
    void rotateKeySaysUntilWhenOldLinksWork() {
        CliRun rotate = CliRun.in(data, "links", "rotate-key", "--keep-old-for", "30");

        assertThat(rotate.exit()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("keep working until");
        assertThat(CliRun.in(data, "links", "rotate-key", "--keep-old-for", "-1")
                        .exit())
                .isEqualTo(2);
    }
}
