package com.unsubscribesync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "disconnect", description = "Forget the saved Salesforce tokens and secrets.")
public class DisconnectCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean forgot = root.workspace().salesforce().disconnect();
        spec.commandLine().getOut().println(forgot ? "Disconnected: the saved Salesforce credentials are deleted."
                : "Nothing to forget: no Salesforce org was connected.");
        return ExitCode.DONE;
    }
}
