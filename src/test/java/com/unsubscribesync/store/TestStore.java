package com.unsubscribesync.store;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The database of one run of an {@link OnEachStore} test: H2 in memory as the tests had it before, or a fresh
 * PostgreSQL database on the test JVM's server.
 */
public final class TestStore {
    private final String name;
    private final Supplier<Database> opener;

    private TestStore(String name, Supplier<Database> opener) {
        this.name = name;
        this.opener = opener;
    }

    static TestStore h2() {
        String database = "store-" + UUID.randomUUID();
        return new TestStore("H2", () -> Database.openInMemory(database));
    }

    static TestStore postgreSql() {
        String url = PostgreSqlForTests.server().newDatabase();
        return new TestStore(
                "PostgreSQL", () -> Database.openUrl(url, Optional.of(PostgreSqlForTests.PASSWORD), PoolSize.DESKTOP));
    }

    /** Opens the database again: its tables and rows are those the run left. */
    public Database open() {
        return opener.get();
    }

    boolean postgreSqlRuns() {
        return name.equals("PostgreSQL");
    }

    @Override
    public String toString() {
        return name;
    }
}
