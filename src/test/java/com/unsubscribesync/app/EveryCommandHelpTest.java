package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.cli.RootCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** CLI.md: every command and subcommand answers --help, -h and help COMMAND with its usage and exit 0. */
class EveryCommandHelpTest {
    @TempDir
    Path dataDirectory;

    private final List<List<String>> consoleOpened = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyCommandOfTheTreeAnswersTheThreeFormsOfHelpWithExitZero() {
        List<List<String>> paths = new ArrayList<>();
        walk(
                app().commands(
                                new RootCommand(ZoneId.of("UTC"), (dir, store) -> 0),
                                () -> {
                                    throw new AssertionError("help must not open the data directory");
                                },
                                () -> {}),
                new ArrayList<>(),
                paths);
        assertThat(paths)
                .as("the tree as walked")
                .contains(
                        List.of("sync", "history"),
                        List.of("org", "serve"),
                        List.of("console"),
                        List.of("layout", "install"),
                        List.of("unsubscribe", "remove"));
        return paths.stream()
                .flatMap(path -> Stream.of(
                        DynamicTest.dynamicTest(
                                String.join(" ", path) + " --help", () -> answersWithUsage(path, with(path, "--help"))),
                        DynamicTest.dynamicTest(
                                String.join(" ", path) + " -h", () -> answersWithUsage(path, with(path, "-h"))),
                        DynamicTest.dynamicTest(
                                "help " + String.join(" ", path),
                                () -> answersWithUsage(path, with(List.of("help"), path.toArray(String[]::new))))));
    }

    @Test
    void helpNamesTheCommandAndTheSubcommandAsDeepAsAsked() {
        CliRun run = run("help", "sync", "history");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: unsubscribe-sync sync history").contains("--run");
    }

    @Test
    void aGroupAnswersHelpForItsOwnSubcommands() {
        CliRun run = run("sync", "help", "run");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: unsubscribe-sync sync run").contains("--dry-run");
    }

    @Test
    void helpForACommandThatDoesNotExistIsOneLineAndExitTwo() {
        CliRun run = run("help", "sync", "frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .contains("'frobnicate' is not a command of 'unsubscribe-sync sync'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpOfAGroupWithARequiredSubcommandIsNotAMissingSubcommandError() {
        CliRun run = run("--data-dir", dataDirectory.toString(), "unsubscribe", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Usage: unsubscribe-sync unsubscribe").contains("import");
    }

    private void answersWithUsage(List<String> path, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        all.addAll(List.of(args));
        // picocli reports a description it cannot format (a bare %) on the process's own stderr, not the command's.
        PrintStream processErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            run = run(all.toArray(String[]::new));
        } finally {
            System.setErr(processErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8))
                .as("written beside the usage")
                .isEmpty();
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith(
                        "Usage: " + String.join(" ", with(List.of("unsubscribe-sync"), path.toArray(String[]::new))));
        assertThat(consoleOpened).as("help never opens the console").isEmpty();
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                walk(sub, deeper, paths);
            }
        });
    }

    private static String[] with(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private CommandLineApp app() {
        return new CommandLineApp(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of());
    }

    private CliRun run(String... args) {
        return CliRun.withArgumentsAsGiven()
                .zone(ZoneId.of("UTC"))
                .console(arguments -> {
                    consoleOpened.add(arguments);
                    return 0;
                })
                .run(args);
    }
}
