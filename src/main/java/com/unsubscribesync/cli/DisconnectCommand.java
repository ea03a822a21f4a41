package com.unsubscribesync.cli;

import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ConnectionPlace;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "disconnect",
        description =
                "Forget the saved Salesforce tokens and secrets (with a shared store: the team's, for every node).")
public class DisconnectCommand implements Callable<Integer> {
    private final Supplier<ConnectOrg> connection;

    public DisconnectCommand(Supplier<ConnectOrg> connection) {
        this.connection = connection;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConnectOrg org = connection.get();
        boolean team = org.place() == ConnectionPlace.TEAM_STORE;
        boolean forgot = org.disconnect();
        spec.commandLine()
                .getOut()
                .println(
                        !forgot
                                ? "Nothing to forget: no Salesforce org was connected."
                                : team
                                        ? "Disconnected the whole team: the team's Salesforce connection is deleted "
                                                + "from the shared store, for every node and console using it."
                                        : "Disconnected: the saved Salesforce credentials are deleted.");
        return ExitCode.DONE;
    }
}
