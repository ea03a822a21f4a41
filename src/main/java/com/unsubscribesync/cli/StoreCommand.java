package com.unsubscribesync.cli;

import picocli.CommandLine.Command;

/** {@code store}: work on a whole store, such as moving a desktop's data into a team's PostgreSQL. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Work on a whole store (H2 or PostgreSQL).")
public class StoreCommand {}
