package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines, bad settings values and settings stored by hand or by another version: one line on stderr
 * that says what and what to do, exit code 2, no stack trace, no escape sequence echoed, and nothing written.
 */
class HostileCommandLineTest {
    @TempDir
    Path folder;

    private Path data;
    private String before;

    @BeforeEach
    void aStoreWithSomethingInIt() {
        data = folder.resolve("data");
        assertThat(CliRun.in(data, "unsubscribe", "add", "known@example.com").exit())
                .isZero();
        assertThat(CliRun.in(data, "settings", "set", "nightly-sync=on", "api-reserve-percent=30")
                        .exit())
                .isZero();
        before = StoreDump.of(data);
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                refused("an unknown command", List.of("frobnicate"), "frobnicate"),
                refused("a missing address", List.of("unsubscribe", "add"), "EMAIL"),
                refused("an unknown option", List.of("unsubscribe", "add", "a@example.com", "--bogus"), "--bogus"),
                refused("a limit that is not a number", List.of("unsubscribe", "list", "--limit", "abc"), "'abc'"),
                refused("a limit of zero", List.of("unsubscribe", "list", "--limit", "0"), "use 1 to 100000"),
                refused("a negative limit", List.of("sync", "history", "--limit", "-5"), "out of range"),
                refused(
                        "a source only the sync may set",
                        List.of("unsubscribe", "add", "a@example.com", "--source", "salesforce-sync"),
                        "set by the app itself"),
                refused(
                        "a megabyte-long address",
                        List.of("unsubscribe", "add", "x".repeat(1_000_000) + "@example.com"),
                        "the most an address can have is 254"),
                refused(
                        "an escape sequence in an address",
                        List.of("unsubscribe", "add", "esc\u001b[2J@example.com"),
                        "contains a control character"),
                refused(
                        "a reason over 1 000 characters",
                        List.of("unsubscribe", "add", "a@example.com", "--reason", "r".repeat(1001)),
                        "--reason is 1001 characters long; the most it can have is 1000"),
                refused(
                        "an escape sequence in a reason",
                        List.of("unsubscribe", "add", "a@example.com", "--reason", "esc\u001b[2J"),
                        "--reason contains a control character (\\u001b)"),
                refused(
                        "a right-to-left override in a reason",
                        List.of("unsubscribe", "add", "a@example.com", "--reason", "refund \u202egnp.exe"),
                        "U+202E right-to-left override"),
                refused(
                        "a zero-width space in an address",
                        List.of("unsubscribe", "add", "bo\u200bb@example.com"),
                        "email 'bo\\u200bb@example.com' contains an invisible character (U+200B zero width space)"),
                refused(
                        "a byte-order mark in front of an address",
                        List.of("unsubscribe", "add", "\ufeffbob@example.com"),
                        "U+FEFF zero width no-break space"),
                refused(
                        "a soft hyphen in a domain",
                        List.of("unsubscribe", "add", "bob@exam\u00adple.com"),
                        "U+00AD soft hyphen"),
                refused(
                        "ß in an international domain",
                        List.of("unsubscribe", "add", "bob@stra\u00dfe.de"),
                        "give the domain in its xn-- form"),
                refused(
                        "a resubscribe reason over 1 000 characters",
                        List.of("unsubscribe", "remove", "known@example.com", "--reason", "r".repeat(1001)),
                        "1001 characters long"),
                refused(
                        "an escape sequence in a resubscribe reason",
                        List.of("unsubscribe", "remove", "known@example.com", "--reason", "\u001b]0;owned\u0007"),
                        "control character (\\u001b)"),
                refused(
                        "an escape sequence in a conflict decision's reason",
                        List.of("conflicts", "resolve", "1", "--action", "dismiss", "--reason", "\u001b]0;owned\u0007"),
                        "control character (\\u001b)"),
                refused(
                        "a resubscribe without a reason",
                        List.of("unsubscribe", "remove", "known@example.com"),
                        "--reason"),
                refused(
                        "a blank reason",
                        List.of("unsubscribe", "remove", "known@example.com", "--reason", "  "),
                        "say why"),
                refused(
                        "a conflict id that is not a number",
                        List.of("conflicts", "resolve", "abc", "--action", "dismiss"),
                        "'abc'"),
                refused("an unknown conflict kind", List.of("conflicts", "list", "--kind", "nope"), "use "),
                refused(
                        "an object other than Contact and Lead",
                        List.of("layout", "install", "--object", "Account"),
                        "Contact or Lead"),
                refused(
                        "a script as the login address",
                        List.of("connect", "--login-url", "javascript:alert(1)", "--client-id", "x"),
                        "https://login.salesforce.com"),
                refused(
                        "plain http to a remote login address",
                        List.of(
                                "connect",
                                "--login-url",
                                "http://login.example.com",
                                "--client-id",
                                "x",
                                "--client-secret-env",
                                "HOME"),
                        "https"));
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                refused("a reserve above 90 %", List.of("api-reserve-percent=95"), "between 0 and 90"),
                refused("a negative reserve", List.of("api-reserve-percent=-1"), "between 0 and 90"),
                refused(
                        "a reserve too big for a number",
                        List.of("api-reserve-percent=99999999999"),
                        "not a whole number"),
                refused("on or off misspelt", List.of("nightly-sync=maybe"), "is not on or off"),
                refused("an unknown field", List.of("field=somewhere"), "use email-opt-out or"),
                refused("an unknown policy", List.of("resubscribe-policy=never"), "use reapply or hold"),
                refused(
                        "SOQL in a field name",
                        List.of("field-api-name=x'; DROP TABLE settings--"),
                        "is not a Salesforce API name"),
                refused("no key", List.of("=on"), "is not KEY=VALUE"),
                refused("no value", List.of("nightly-sync"), "is not KEY=VALUE"),
                refused("an unknown key", List.of("colour=blue"), "is unknown"),
                refused(
                        "an escape sequence as a value",
                        List.of("match-by-email=\u001b]0;owned\u0007"),
                        "\\u001b]0;owned\\u0007"),
                refused(
                        "one bad among good ones",
                        List.of("nightly-sync=off", "field=marketo-sales-opt-out", "api-reserve-percent=91"),
                        "between 0 and 90"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void aBadCommandLineIsRefusedInOneLineWithExitTwoAndNothingWritten(String what, List<String> args, String says) {
        assertRefusedWithNothingWritten(CliRun.in(data, args.toArray(String[]::new)), says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSettingIsRefusedInOneLineWithExitTwoAndNoSettingChanged(
            String what, List<String> assignments, String says) {
        String[] args = Stream.concat(Stream.of("settings", "set"), assignments.stream())
                .toArray(String[]::new);
        assertRefusedWithNothingWritten(CliRun.in(data, args), says);
    }

    @Test
    void settingsStoredByAnotherVersionAreNamedWithTheCommandThatReplacesThem() {
        storeRaw("field", "custom-field");
        storeRaw("match-by-email", "sometimes");
        before = StoreDump.of(data);

        CliRun status = CliRun.in(data, "status");
        assertRefusedWithNothingWritten(status, "the stored settings field='custom-field', match-by-email='sometimes'");
        assertThat(status.errorLine()).contains("settings set field=email-opt-out match-by-email=true");
        assertRefusedWithNothingWritten(
                CliRun.in(data, "settings", "set", "field=email-opt-out"), "match-by-email='sometimes'");

        CliRun repaired = CliRun.in(data, "settings", "set", "field=email-opt-out", "match-by-email=on");

        assertThat(repaired.exit()).as(repaired.err()).isZero();
        CliRun shown = CliRun.in(data, "settings", "show");
        assertThat(shown.out())
                .contains("field: email-opt-out", "matchByEmail: on", "nightlySync: on", "apiReservePercent: 30");
    }

    @Test
    void anAddressTypedInAnotherFormIsTheSameUnsubscribe() {
        CliRun dotted = CliRun.in(data, "unsubscribe", "add", "\u0130NFO@Example.com");
        CliRun international = CliRun.in(data, "unsubscribe", "add", "bob@m\u00fcnchen.de");

        assertThat(dotted.out()).startsWith("Unsubscribed info@example.com ");
        assertThat(international.out()).startsWith("Unsubscribed bob@xn--mnchen-3ya.de ");
        assertThat(CliRun.in(data, "unsubscribe", "add", "info@example.com").out())
                .contains("was already unsubscribed");
        assertThat(CliRun.in(data, "unsubscribe", "add", "BOB@XN--MNCHEN-3YA.DE")
                        .out())
                .contains("was already unsubscribed");
        assertThat(CliRun.in(data, "unsubscribe", "add", "bob@mu\u0308nchen.de").out())
                .contains("was already");
        assertThat(CliRun.in(data, "unsubscribe", "history", "Bob@M\u00dcnchen.de")
                        .out()
                        .strip()
                        .lines())
                .hasSize(1);
        assertThat(CliRun.in(data, "unsubscribe", "list").out().lines().filter(line -> !line.isBlank()))
                .hasSize(3);
        assertThat(CliRun.in(data, "unsubscribe", "list", "--search", "\u0130NF")
                        .out())
                .startsWith("info@example.com ");
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefusedWithoutTouchingIt() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "precious");

        CliRun run = CliRun.in(file, "unsubscribe", "add", "a@example.com");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine()).contains("is a file");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    private void assertRefusedWithNothingWritten(CliRun run, String says) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.errorLine()).startsWith("error: ").contains(says).hasSizeLessThan(600);
        assertThat(run.out() + run.err())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("\u001b");
        assertThat(StoreDump.of(data)).isEqualTo(before);
    }

    private void storeRaw(String name, String value) {
        try (Database database = Database.openFile(data)) {
            database.inTransaction(connection -> {
                try (var update = connection.prepareStatement("UPDATE settings SET setting_value = ? WHERE name = ?")) {
                    update.setString(1, value);
                    update.setString(2, name);
                    return update.executeUpdate();
                }
            });
        }
    }

    private static Arguments refused(String what, List<String> args, String says) {
        return Arguments.of(what, args, says);
    }
}
