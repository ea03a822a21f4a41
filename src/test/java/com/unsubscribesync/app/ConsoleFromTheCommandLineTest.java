package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI.md: no command opens the console, with or without {@code --data-dir DIR}, before or after {@code console};
 * without a display the admin gets one sentence and exit 2, never a stack trace.
 */
class ConsoleFromTheCommandLineTest {
    @TempDir
    Path dataDirectory;

    private final List<List<String>> opened = new ArrayList<>();

    @Test
    void dataDirectoryWithNoCommandOpensTheConsoleOnThatDirectory() {
        CliRun run = withWindow("--data-dir", dataDirectory.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(opened).containsExactly(List.of("--data-dir", dataDirectory.toString()));
    }

    @Test
    void dataDirectoryBeforeTheConsoleCommandOpensTheConsoleOnThatDirectory() {
        CliRun run = withWindow("--data-dir", dataDirectory.toString(), "console");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(opened).containsExactly(List.of("--data-dir", dataDirectory.toString()));
    }

    @Test
    void dataDirectoryAfterTheConsoleCommandStillWorks() {
        Path shots = dataDirectory.resolve("shots");
        CliRun run = withWindow("console", "--data-dir", dataDirectory.toString(), "--screenshots", shots.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(opened)
                .containsExactly(List.of("--data-dir", dataDirectory.toString(), "--screenshots", shots.toString()));
    }

    @Test
    void noArgumentsAtAllOpensTheConsoleOnTheDefaultDirectory() {
        CliRun run = withWindow();
        assertThat(run.exit()).isZero();
        assertThat(opened).containsExactly(List.of());
    }

    @Test
    void consoleHelpPrintsUsageWithoutOpeningAWindow() {
        CliRun run = withoutDisplay("console", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .startsWith("Usage: unsubscribe-sync console")
                .contains("--screenshots")
                .contains("--data-dir");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void consoleWithoutADisplaySaysSoInOneLineWithExitTwo() {
        CliRun run = withoutDisplay("console", "--data-dir", dataDirectory.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: no display is available to open the console window")
                .contains("DISPLAY")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void dataDirectoryAloneWithoutADisplaySaysSoInOneLineWithExitTwo() {
        CliRun run = withoutDisplay("--data-dir", dataDirectory.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().asString().contains("no display is available");
    }

    @Test
    void aDisplayIsNeededOnLinuxButWindowsAndMacAlwaysHaveOne() {
        assertThat(ConsoleLaunch.displayAvailable(Map.of(), "Linux")).isFalse();
        assertThat(ConsoleLaunch.displayAvailable(Map.of("DISPLAY", ""), "Linux"))
                .isFalse();
        assertThat(ConsoleLaunch.displayAvailable(Map.of("DISPLAY", ":67"), "Linux"))
                .isTrue();
        assertThat(ConsoleLaunch.displayAvailable(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"))
                .isTrue();
        assertThat(ConsoleLaunch.displayAvailable(Map.of(), "Windows 11")).isTrue();
        assertThat(ConsoleLaunch.displayAvailable(Map.of(), "Mac OS X")).isTrue();
    }

    @Test
    void aCommandAfterTheDataDirectoryDoesNotOpenTheConsole() {
        CliRun run = withWindow("--data-dir", dataDirectory.toString(), "sync", "history");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("No sync has run yet.");
        assertThat(opened).isEmpty();
    }

    private CliRun withWindow(String... args) {
        return CliRun.withArgumentsAsGiven()
                .zone(ZoneId.of("UTC"))
                .console(arguments -> {
                    opened.add(arguments);
                    return 0;
                })
                .run(args);
    }

    /** The real console start, in an environment with no DISPLAY (on Linux, where the tests run). */
    private CliRun withoutDisplay(String... args) {
        assertThat(ConsoleLaunch.displayAvailable(Map.of(), System.getProperty("os.name", "")))
                .as("a display without DISPLAY or WAYLAND_DISPLAY (only Linux can lack one)")
                .isFalse();
        return CliRun.withArgumentsAsGiven().run(args);
    }
}
