package com.unsubscribesync.store;

/** A fresh database on the test JVM's PostgreSQL, for tests of processes that share it as a team's nodes would. */
public final class TeamStoreForTests {
    private TeamStoreForTests() {}

    /** The JDBC URL of a new database holding the migrated, empty schema. */
    public static String newDatabase() {
        return PostgreSqlForTests.server().newDatabase();
    }

    /** What {@code UNSUBSCRIBE_SYNC_STORE_PASSWORD} must say for the URL's user. */
    public static String password() {
        return PostgreSqlForTests.PASSWORD;
    }
}
