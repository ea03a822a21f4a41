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
        Workspace workspace = SyncCommand.connected(root);
        CountDownLatch stopped = new CountDownLatch(1);
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
