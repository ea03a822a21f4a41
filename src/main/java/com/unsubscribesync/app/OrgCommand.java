package com.unsubscribesync.app;

import picocli.CommandLine.Command;

/** {@code org}: the embedded local Salesforce org. */
@Command(
        name = "org",
        mixinStandardHelpOptions = true,
        description = "The local Salesforce org.",
        subcommands = OrgServeCommand.class)
public class OrgCommand {}
