package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad CSV files, from the corpus in {@code hostile-csv/} or made here when they are binary or huge: each is
 * refused with one line on stderr that says what is wrong, where, and what to do, exit code 2, no stack trace,
 * and the store exactly as it was.
 */
class HostileCsvTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path folder;

    private Path data;
    private String before;

    /** Makes the file to import in a folder. */
    @FunctionalInterface
    interface BadFile {
        Path in(Path folder) throws IOException;
    }

    @BeforeEach
    void aStoreWithSomethingInIt() throws IOException {
        data = folder.resolve("data");
        assertThat(CliRun.in(data, "unsubscribe", "add", "known@example.com", "--reason", "first")
                        .exit())
                .isZero();
        assertThat(CliRun.in(
                                data,
                                "people",
                                "import",
                                write(folder, "people.csv", "email,salesforce_id\nknown@example.com,003000000000001\n")
                                        .toString())
                        .exit())
                .isZero();
        before = store();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad(
                        "binary data",
                        f -> bytes(f, "binary.csv", randomBytesWithNul()),
                        true,
                        "is not a text file",
                        "CSV UTF-8"),
                bad(
                        "UTF-16 with a byte-order mark",
                        f -> bytes(f, "utf16le.csv", utf16(true)),
                        true,
                        "is UTF-16 text",
                        "save it as CSV UTF-8"),
                bad(
                        "UTF-16 big-endian with a byte-order mark",
                        f -> bytes(f, "utf16be.csv", "email\nann@example.com\n".getBytes(StandardCharsets.UTF_16)),
                        true,
                        "is UTF-16 text"),
                bad(
                        "UTF-16 without a byte-order mark",
                        f -> bytes(f, "utf16.csv", utf16(false)),
                        true,
                        "is not a text file"),
                bad("Latin-1", f -> corpus("latin1-reason.csv"), true, "is not UTF-8 text", "CSV UTF-8"),
                bad(
                        "a NUL byte past the first 64 KB",
                        HostileCsvTest::nulInALateRow,
                        true,
                        "line 3002: email 'n\\u0000ul@example.com' contains a control character"),
                bad(
                        "a 10 MB single-line cell",
                        f -> write(
                                f, "long-cell.csv", "email,first_name\nann@example.com," + "y".repeat(TEN_MB) + "\n"),
                        true,
                        "line 2: a cell is longer than 10000 characters"),
                bad(
                        "a 10 MB header line",
                        f -> write(f, "long-header.csv", "x".repeat(TEN_MB) + "\n"),
                        true,
                        "has no 'email' column",
                        "(10485760 characters)"),
                bad(
                        "a 10 MB quoted cell that never closes",
                        f -> write(f, "open-quote.csv", "email,first_name\nann@example.com,\"" + "z".repeat(TEN_MB)),
                        true,
                        "is not readable CSV",
                        "close every quoted cell"),
                bad(
                        "an unterminated quote",
                        f -> corpus("unterminated-quote.csv"),
                        true,
                        "is not readable CSV",
                        "line "),
                bad(
                        "a backslash-escaped quote",
                        f -> corpus("backslash-escaped-quote.csv"),
                        true,
                        "is not readable CSV",
                        "double the quotes"),
                bad(
                        "a formula as the address",
                        f -> corpus("formula-as-email.csv"),
                        true,
                        "line 2: email",
                        "contains a space"),
                bad(
                        "an @-prefixed address",
                        f -> corpus("at-prefixed-email.csv"),
                        true,
                        "line 2: email",
                        "has nothing before the @"),
                bad(
                        "a terminal escape sequence in a reason",
                        f -> corpus("escape-sequence-in-reason.csv"),
                        false,
                        "line 2: reason contains a control character (\\u001b)"),
                bad(
                        "a zero-width space inside an address",
                        f -> write(f, "zero-width.csv", "email\nann@example.com\nbo\u200bb@example.com\n"),
                        true,
                        "line 3: email 'bo\\u200bb@example.com' contains an invisible character (U+200B zero width space)"),
                bad(
                        "a byte-order mark at the start of a cell",
                        f -> write(f, "bom-in-cell.csv", "email,reason\n\ufeffann@example.com,x\n"),
                        true,
                        "line 2: email",
                        "U+FEFF"),
                bad(
                        "a right-to-left override inside a domain",
                        f -> write(f, "bidi.csv", "email\nann@\u202eelpmaxe.com\n"),
                        true,
                        "line 2: email",
                        "U+202E right-to-left override"),
                bad(
                        "a reason of 1 001 characters",
                        f -> write(f, "long-reason.csv", "email,reason\nann@example.com," + "r".repeat(1001) + "\n"),
                        false,
                        "line 2: reason is 1001 characters long; the most it can " + "have is 1000"),
                bad(
                        "a right-to-left override in a reason",
                        f -> write(f, "bidi-reason.csv", "email,reason\nann@example.com,refund \u202egnp.exe\n"),
                        false,
                        "line 2: reason contains an " + "invisible character (U+202E right-to-left override)"),
                bad("semicolons instead of commas", f -> corpus("semicolons.csv"), true, "has no 'email' column"),
                bad("a header and no rows", f -> corpus("header-only.csv"), true, "has a header but no rows"),
                bad("an empty file", f -> corpus("empty.csv"), true, "is empty", "header line"),
                bad(
                        "a folder",
                        f -> Files.createDirectories(f.resolve("folder.csv")),
                        true,
                        "is a folder",
                        "path of the .csv file"),
                bad(
                        "a file that is not there",
                        f -> f.resolve("missing.csv"),
                        true,
                        "does not exist",
                        "check the path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedInOneLineWithExitTwoAndNothingWritten(
            String what, BadFile bad, boolean alsoPeople, List<String> says) throws IOException {
        Path file = bad.in(folder);
        for (String importer : alsoPeople ? List.of("unsubscribe", "people") : List.of("unsubscribe")) {
            CliRun run = CliRun.in(data, importer, "import", file.toString());

            assertThat(run.exit())
                    .as("%s import of %s: %s", importer, what, run.err())
                    .isEqualTo(2);
            assertThat(run.errorLine()).startsWith("error: ").hasSizeLessThan(600);
            assertThat(run.out() + run.err())
                    .contains(says)
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain("\u001b")
                    .doesNotContain("\u0000");
            assertThat(store()).as("the store after refusing %s", what).isEqualTo(before);
        }
    }

    @Test
    void aHundredMegabyteFileIsStreamedInALittleHeapAndItsBadLastRowRefusesTheWhole() throws Exception {
        Path file = folder.resolve("hundred-mb.csv");
        long rows = writeHundredMegabytes(file);
        Process child = new ProcessBuilder(AppProcess.javaCommand(
                        List.of("-Xmx48m"), "--data-dir", data.toString(), "unsubscribe", "import", file.toString()))
                .redirectOutput(folder.resolve("stdout").toFile())
                .redirectError(folder.resolve("stderr").toFile())
                .start();
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();

        String out = Files.readString(folder.resolve("stdout"));
        String err = Files.readString(folder.resolve("stderr"));
        assertThat(child.exitValue()).as(err).isEqualTo(2);
        assertThat(out).contains("line " + (rows + 1) + ": email 'last-row' has no @");
        assertThat(err.strip())
                .isEqualTo("error: 1 of " + rows + " rows is invalid (listed above); nothing was "
                        + "imported. Fix it, or use --skip-invalid to import the valid rows.");
        assertThat(store()).isEqualTo(before);
    }

    @Test
    void formulaLikeCellsAreKeptAsDataAndShownOnlyAsJsonOrPlainText() throws IOException {
        CliRun imported = CliRun.in(
                data, "unsubscribe", "import", corpus("formula-reasons.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        JsonNode list =
                JSON.readTree(CliRun.in(data, "unsubscribe", "list", "--json").out());
        assertThat(list.findValuesAsText("reason")).contains("=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1:A9)");
        assertThat(list.findValuesAsText("email")).contains("+tag@example.com", "-dash@example.com");
        assertThat(CliRun.in(data, "unsubscribe", "history", "ann@example.com")
                        .out()
                        .strip()
                        .lines())
                .singleElement()
                .asString()
                .endsWith("\"=cmd|' /C calc'!A0\"");
    }

    @Test
    void anAddressInTwoFormsIsOneUnsubscribeInAFileAndAgainstTheStore() throws IOException {
        assertThat(CliRun.in(data, "unsubscribe", "add", "bob@xn--mnchen-3ya.de")
                        .exit())
                .isZero();
        Path file = write(
                folder,
                "forms.csv",
                "email,reason\n\u0130NFO@example.com,dotted capital\n"
                        + "info@example.com,plain\nbob@m\u00fcnchen.de,unicode domain\nKNOWN@EXAMPLE.COM,again\n");

        CliRun run = CliRun.in(data, "unsubscribe", "import", file.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("added").asLong()).isEqualTo(1);
        JsonNode list =
                JSON.readTree(CliRun.in(data, "unsubscribe", "list", "--json").out());
        assertThat(list.findValuesAsText("email"))
                .containsExactly("bob@xn--mnchen-3ya.de", "info@example.com", "known@example.com");
    }

    @Test
    void aPersonsNameIsCheckedAsAReasonIs() throws IOException {
        Path file = write(
                folder,
                "names.csv",
                "email,first_name,last_name\nann@example.com,Ann," + "n".repeat(201)
                        + "\nbob@example.com,B\u202eob,Lee\n");

        CliRun run = CliRun.in(data, "people", "import", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out())
                .contains(
                        "line 2: last_name is 201 characters long; the most it can have is 200",
                        "line 3: first_name contains an invisible character (U+202E right-to-left override)");
        assertThat(store()).isEqualTo(before);
    }

    @Test
    void aReasonWithLineBreaksIsPrintedOnOneLine() throws IOException {
        Path file = write(folder, "multiline.csv", "email,reason\nann@example.com,\"first line\nsecond line\"\n");
        assertThat(CliRun.in(data, "unsubscribe", "import", file.toString()).exit())
                .isZero();

        CliRun history = CliRun.in(data, "unsubscribe", "history", "ann@example.com");

        assertThat(history.out().strip().lines()).singleElement().asString().endsWith("\"first line\\nsecond line\"");
    }

    private String store() {
        return StoreDump.of(data);
    }

    private static Arguments bad(String what, BadFile file, boolean alsoPeople, String... says) {
        return Arguments.of(what, file, alsoPeople, List.of(says));
    }

    private static Path corpus(String name) {
        try {
            return Path.of(
                    HostileCsvTest.class.getResource("/hostile-csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path folder, String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static Path bytes(Path folder, String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] randomBytesWithNul() {
        byte[] bytes = new byte[4096];
        new Random(9).nextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    private static byte[] utf16(boolean byteOrderMark) {
        byte[] text = "email\nann@example.com\n".getBytes(StandardCharsets.UTF_16LE);
        if (!byteOrderMark) {
            return text;
        }
        byte[] marked = new byte[text.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(text, 0, marked, 2, text.length);
        return marked;
    }

    /** Three thousand good rows (more than 64 KB), then an address with a NUL in it. */
    private static Path nulInALateRow(Path folder) throws IOException {
        StringBuilder text = new StringBuilder("email,first_name\n");
        for (int i = 0; i < 3000; i++) {
            text.append("person").append(i).append("@example.com,Someone with a longer first name\n");
        }
        return write(
                folder, "late-nul.csv", text.append("n\u0000ul@example.com,x\n").toString());
    }

    /** Good rows up to 100 MB with a reason each, then one bad address; returns the number of rows. */
    private static long writeHundredMegabytes(Path file) {
        String reason = "asked not to be emailed again, ".repeat(7);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,reason\n");
            long written = 0;
            while (written < 100L * 1024 * 1024) {
                String line = "person" + rows + "@example.com,\"" + reason + rows + "\"\n";
                out.write(line);
                written += line.length();
                rows++;
            }
            out.write("last-row,x\n");
            return rows + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
