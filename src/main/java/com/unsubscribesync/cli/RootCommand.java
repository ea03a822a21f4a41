package com.unsubscribesync.cli;

import picocli.CommandLine.Command;

@Command(name = "unsubscribe-sync", mixinStandardHelpOptions = true,
        description = "Keeps sales-email unsubscribes and the Salesforce opt-out checkbox in step.")
public class RootCommand {
}
