package com.unsubscribesync.bench;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a scenario keeps the app's data: the H2 file of its temporary data directory, or a schema of its own in the
 * database {@code --store} names, made for the scenario and dropped after it, so that a benchmark never reads nor
 * writes the store already there (ADR 0063). Either way each scenario starts from an empty store.
 */
@FunctionalInterface
public interface StoreUnderBench {
    /** Every benchmark schema's name starts so, for an admin to recognise one left by a benchmark that was killed. */
    String SCHEMA_PREFIX = "unsubscribe_sync_bench";

    /** A new, empty store for one scenario, closed (and, on a URL, dropped) by the scenario. */
    Database open(Path dataDirectory);

    /** The data directory's own H2 file, as the app keeps it. */
    static StoreUnderBench h2File() {
        return Database::openFile;
    }

    /** A new schema in the database the URL names, its password from {@code UNSUBSCRIBE_SYNC_STORE_PASSWORD}. */
    static StoreUnderBench schemaIn(String url, Optional<String> password) {
        return dataDirectory -> Database.openInSchemaOfItsOwn(url, password, PoolSize.SERVE, SCHEMA_PREFIX);
    }
}
