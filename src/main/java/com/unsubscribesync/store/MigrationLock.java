package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * Held by whoever migrates the database: the one row of {@code schema_lock}, locked for update in an open
 * transaction of a connection of its own. So the lock outlasts the commits of the migrations (H2 commits DDL at
 * once) and goes with that connection when its process dies; another process waits for it and then finds the
 * migrations applied. The same works on PostgreSQL (ADR 0045).
 */
final class MigrationLock implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofMinutes(10);
    /** H2's and PostgreSQL's "could not lock in time", and a deadlock (two first openers creating the table). */
    private static final Set<String> WAITED = Set.of("HYT00", "55P03", "40001");

    private static final int MAKING_ATTEMPTS = 5;

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Opens the connection that holds the lock. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Waits until no other connection holds the lock, then holds it until closed. */
    static MigrationLock take(Opener opener) throws SQLException {
        Connection connection = opener.open();
        try {
            connection.setAutoCommit(true);
            make(connection, 1);
            connection.setAutoCommit(false);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                try (Statement statement = connection.createStatement()) {
                    statement
                            .executeQuery("SELECT id FROM schema_lock WHERE id = 1 FOR UPDATE")
                            .close();
                    return new MigrationLock(connection);
                } catch (SQLException e) {
                    connection.rollback();
                    if (!WAITED.contains(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void make(Connection connection, int attempt) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_lock (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO schema_lock (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_lock)");
        } catch (SQLException e) {
            if (!SqlDialect.madeAtOnce(e.getSQLState()) || attempt >= MAKING_ATTEMPTS) {
                throw e;
            }
            make(connection, attempt + 1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }
}
