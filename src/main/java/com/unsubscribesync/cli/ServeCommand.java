package com.unsubscribesync.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = "Headless: the nightly scheduler and the real-time pusher, until stopped.")
public class ServeCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Workspace workspace = root.workspace();
        // Only a directory never connected is refused: an org that cannot be reached now, or a saved connection
        // that cannot be read, is waited for with back-off and shown in 'status' (ADR 0023).
        if (!workspace.connectionSaved()) {
            throw new NotConnectedException(SyncCommand.NOT_CONNECTED);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        workspace.announceServing();
        workspace.engine().start();
        Thread hook = new Thread(() -> {
            workspace.engine().close();
            root.closeWorkspace();
            stopped.countDown();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println("serving: real-time pusher and nightly scheduler running; stop with Ctrl-C");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCode.DONE;
    }
}
