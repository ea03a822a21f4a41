package com.unsubscribesync.app;

import com.unsubscribesync.localorg.LocalOrg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of the command line, in-process, with what it printed and its exit code. It lives beside
 * {@link CommandLineApp} because the clock, time zone and window opener it can be given are not public.
 */
record CliRun(int exit, String out, String err) {

    static CliRun in(Path dataDirectory, String... args) {
        return on(dataDirectory).run(args);
    }

    /** @param stdout where standard output goes, e.g. a stream that acts on what it sees */
    static CliRun in(Path dataDirectory, Map<String, String> env, ByteArrayOutputStream stdout, String... args) {
        return on(dataDirectory).env(env).stdout(stdout).run(args);
    }

    /** Runs that name {@code dataDirectory} with {@code --data-dir} before their own arguments. */
    static Setup on(Path dataDirectory) {
        return new Setup(List.of("--data-dir", dataDirectory.toString()));
    }

    /** Runs with only their own arguments. */
    static Setup withArgumentsAsGiven() {
        return new Setup(List.of());
    }

    /** The arguments of {@code connect} to a local org with its client credentials, the secret in {@code variable}. */
    static String[] connectTo(LocalOrg org, String secretVariable, String... more) {
        return connect(org.url(), org.clientId(), secretVariable, more);
    }

    /** The arguments of {@code connect} with client credentials, the secret in {@code variable}. */
    static String[] connect(String loginUrl, String clientId, String secretVariable, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "connect", "--login-url", loginUrl, "--client-id", clientId, "--client-secret-env", secretVariable));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The single line on stderr: what went wrong, where, and what to do. */
    String errorLine() {
        List<String> lines = err.strip().lines().toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return lines.get(0);
    }

    /** What every run of one test shares; by default the real clock, zone, environment and window opener. */
    static final class Setup {
        private final List<String> leadingArgs;
        private Map<String, String> env = Map.of();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.systemDefault();
        private ConsoleLaunch console;
        private Supplier<ByteArrayOutputStream> stdout = ByteArrayOutputStream::new;

        private Setup(List<String> leadingArgs) {
            this.leadingArgs = leadingArgs;
        }

        Setup env(Map<String, String> variables) {
            this.env = variables;
            return this;
        }

        Setup clock(Clock time) {
            this.clock = time;
            return this;
        }

        Setup zone(ZoneId adminZone) {
            this.zone = adminZone;
            return this;
        }

        /** Instead of opening the real window when no command (or {@code console}) is given. */
        Setup console(ConsoleLaunch opener) {
            this.console = opener;
            return this;
        }

        Setup stdout(ByteArrayOutputStream stream) {
            this.stdout = () -> stream;
            return this;
        }

        CliRun run(String... args) {
            List<String> all = new ArrayList<>(leadingArgs);
            all.addAll(List.of(args));
            ByteArrayOutputStream out = stdout.get();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            int exit = new CommandLineApp(
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            errStream,
                            env,
                            clock,
                            zone,
                            console != null ? console : ConsoleLaunch.onThisDesktop(env, errStream))
                    .run(all.toArray(String[]::new));
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
