package com.unsubscribesync.app;

import com.unsubscribesync.cli.BenchCommand;
import com.unsubscribesync.cli.ExitCode;
import com.unsubscribesync.cli.NotConnectedException;
import com.unsubscribesync.cli.RootCommand;
import com.unsubscribesync.cli.StoreCommand;
import com.unsubscribesync.cli.StoreCompactCommand;
import com.unsubscribesync.cli.StoreCopyCommand;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The composition root of the command line: builds the commands with their collaborators and runs them. */
public final class CommandLineApp {
    public static final int KEEP_RUNNING = -1;
    private static final Logger LOG = LoggerFactory.getLogger(CommandLineApp.class);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final ZoneId zone;
    private final ConsoleLaunch console;

    public CommandLineApp(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, Clock.systemUTC());
    }

    CommandLineApp(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this(out, err, env, clock, ZoneId.systemDefault(), ConsoleLaunch.onThisDesktop(env, err));
    }

    /**
     * @param zone    the admin's time zone, for times printed for people
     * @param console opens the window when no command (or {@code console}) is given
     */
    CommandLineApp(
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Clock clock,
            ZoneId zone,
            ConsoleLaunch console) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.zone = zone;
        this.console = console;
    }

    public int run(String... args) {
        RootCommand root = new RootCommand(
                zone, (dataDir, store) -> console.open(ConsoleCommand.arguments(dataDir, store, Optional.empty())));
        AtomicReference<CommandLine> line = new AtomicReference<>();
        OpenedOnFirstUse workspace = new OpenedOnFirstUse(
                () -> new WorkspaceOpener(env, clock).open(root.dataDirectory(), root.store(), poolFor(line.get())));
        CommandLine commandLine = commands(root, workspace, workspace::close);
        line.set(commandLine);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setParameterExceptionHandler(new OneLineUsageErrors());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd));
        try {
            return commandLine.execute(args);
        } finally {
            workspace.close();
        }
    }

    /**
     * Every command, each answering {@code -h}, {@code --help} and {@code help COMMAND…}.
     *
     * @param workspace the data directory, opened when a command first needs it
     * @param closing   closes it, for {@code serve} when it is stopped
     */
    CommandLine commands(RootCommand root, Supplier<AppWorkspace> workspace, Runnable closing) {
        CommandLine commandLine = new CommandLine(root, new CommandFactory(workspace, closing));
        commandLine.addSubcommand(
                new BenchCommand(new BenchmarksOnLocalOrgs(() -> WorkspaceOpener.storeUrl(root.store(), env), env)));
        commandLine.addSubcommand(new OrgCommand());
        commandLine.addSubcommand(new CommandLine(new StoreCommand())
                .addSubcommand(new StoreCopyCommand(env, () -> workspace.get().database()))
                .addSubcommand(new StoreCompactCommand(
                        () -> new WorkspaceOpener(env, clock).compactStoreFile(root.dataDirectory(), root.store()))));
        commandLine.addSubcommand(new ConsoleCommand(console));
        EveryCommandHelps.addTo(commandLine);
        return commandLine;
    }

    /** {@code serve} answers web requests and runs the pusher and the nightly run at once: a larger pool. */
    private static PoolSize poolFor(CommandLine commandLine) {
        CommandLine.ParseResult result = commandLine.getParseResult();
        boolean serve = result != null
                && result.hasSubcommand()
                && result.subcommand().commandSpec().name().equals("serve");
        return serve ? PoolSize.SERVE : PoolSize.DESKTOP;
    }

    private int failure(Exception e, CommandLine command) {
        PrintWriter stderr = command.getErr();
        if (e instanceof InvalidInputException) {
            stderr.println("error: " + oneLine(e.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof NotConnectedException) {
            stderr.println("error: " + oneLine(e.getMessage()));
            return ExitCode.NOT_CONNECTED;
        }
        LOG.error("Command failed: {}", command.getCommandSpec().qualifiedName(), e);
        String what = e instanceof StoreException ? e.getMessage() : "unexpected problem (" + e + ")";
        stderr.println(
                "error: " + oneLine(what) + "; details are in the log file " + LogFile.NAME + " in the data directory");
        return ExitCode.FAILED;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no details";
        }
        return PrintableText.of(message.replace("\r", " ").replace("\n", " ").strip());
    }
}
