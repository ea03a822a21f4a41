package com.unsubscribesync.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Headless: the nightly scheduler and the real-time pusher, until stopped.")
public class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** What {@code serve} does with the open data directory. */
    public interface Serving {
        /** Whether a connection was saved, even one that cannot be read or reached now. */
        boolean connectionSaved();

        /** Announces this process as the data directory's {@code serve} and starts the engine. */
        void start();

        /** Stops the engine and closes the data directory. */
        void stop();
    }

    private final Supplier<Serving> serving;

    public ServeCommand(Supplier<Serving> serving) {
        this.serving = serving;
    }

    @Override
    public Integer call() throws InterruptedException {
        Serving workspace = serving.get();
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
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCode.DONE;
    }
}
