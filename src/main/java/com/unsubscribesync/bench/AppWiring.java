package com.unsubscribesync.bench;

import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.store.Database;
import java.nio.file.Path;
import java.util.Optional;

/** How the composition root builds the app for a benchmark; the benchmark package never wires it itself. */
@FunctionalInterface
public interface AppWiring {
    /**
     * @param engineOrg the org the engine works with; empty for a scenario that never calls Salesforce
     */
    AppUnderBench open(Path dataDirectory, Database database, Optional<OrgConnector> engineOrg);
}
