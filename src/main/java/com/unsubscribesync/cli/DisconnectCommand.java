package com.unsubscribesync.cli;

import com.unsubscribesync.usecase.ConnectOrg;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "disconnect", description = "Forget the saved Salesforce tokens and secrets.")
public class DisconnectCommand implements Callable<Integer> {
    private final Supplier<ConnectOrg> connection;

    public DisconnectCommand(Supplier<ConnectOrg> connection) {
        this.connection = connection;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean forgot = connection.get().disconnect();
        spec.commandLine()
                .getOut()
                .println(
                        forgot
                                ? "Disconnected: the saved Salesforce credentials are deleted."
                                : "Nothing to forget: no Salesforce org was connected.");
        return ExitCode.DONE;
    }
}
