package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        description = "Headless: the nightly scheduler and the real-time pusher, until stopped; with --intake also "
                + "the intake for one-click unsubscribe links (see 'links make').")
public class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Option(
            names = "--intake",
            paramLabel = "ADDRESS:PORT",
            description = "Listen for one-click unsubscribes (POST /u/TOKEN) and /health; a PORT alone is "
                    + "127.0.0.1:PORT. Off unless given.")
    String intake;

    @Option(
            names = "--intake-open",
            description = "Allow --intake on an address other computers can reach (put TLS or a reverse proxy "
                    + "in front).")
    boolean intakeOpen;

    @Option(
            names = "--intake-trust-proxy",
            paramLabel = "ADDRESS",
            description = "A reverse proxy whose X-Forwarded-For header names the client (repeatable).")
    List<String> trustedProxies = List.of();

    @Option(
            names = "--intake-rate",
            paramLabel = "N",
            defaultValue = "60",
            description = "Requests one client may make a minute (default: 60); more get 429.")
    int perMinute;

    @Option(
            names = "--intake-tls",
            paramLabel = "KEYSTORE.p12",
            description = "Serve the intake over HTTPS (TLS 1.2 and 1.3) with the certificate chain and private key "
                    + "of this PKCS12 file; its password from the environment variable "
                    + "UNSUBSCRIBE_SYNC_INTAKE_TLS_PASSWORD.")
    Path tls;

    /** What {@code serve} does with the open data directory. */
    public interface Serving {
        /** Whether a connection was saved, even one that cannot be read or reached now. */
        boolean connectionSaved();

        /** Announces this process as the data directory's {@code serve} and starts the engine. */
        void start();

        /** Reads what the intake needs (its TLS certificate) before anything starts; refuses bad input. */
        void checkIntake(IntakeOption intake);

        /** Starts the intake once the engine runs; returns where it listens, as a URL. */
        String startIntake(IntakeOption intake);

        /** Stops the intake (letting its writes finish), the engine, and closes the data directory. */
        void stop();
    }

    private final Supplier<Serving> serving;

    public ServeCommand(Supplier<Serving> serving) {
        this.serving = serving;
    }

    @Override
    public Integer call() throws InterruptedException {
        var intakeOption = Optional.ofNullable(intake)
                .map(given -> IntakeOption.parse(
                        given, intakeOpen, trustedProxies, perMinute, Optional.ofNullable(tls), root.zone()));
        if (intakeOption.isEmpty() && tls != null) {
            throw new InvalidInputException("--intake-tls is for the intake: add --intake ADDRESS:PORT");
        }
        Serving workspace = serving.get();
        intakeOption.ifPresent(workspace::checkIntake);
        // Only a directory never connected is refused: an org that cannot be reached now, or a saved connection
        // that cannot be read, is waited for with back-off and shown in 'status' (ADR 0023).
        if (!workspace.connectionSaved()) {
            throw new NotConnectedException(SyncCommand.NOT_CONNECTED);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        workspace.start();
        Thread hook = new Thread(
                () -> {
                    workspace.stop();
                    stopped.countDown();
                },
                "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine()
                .getOut()
                .println("serving: real-time pusher and nightly scheduler running; stop with Ctrl-C");
        if (intakeOption.isPresent()) {
            spec.commandLine().getOut().println("intake listening on " + workspace.startIntake(intakeOption.get()));
        }
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCode.DONE;
    }
}
