package com.unsubscribesync.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The H2 database of one data directory. Several processes (console, command line, {@code serve}) may open the
 * same file at once: the first serves the others over loopback ({@code AUTO_SERVER}).
 */
public final class Database implements AutoCloseable {
    private static final String FILE_NAME = "unsubscribe-sync";
    private static final String DEADLOCK = "40001";
    /** Two writers inserting the same key at once: the loser's "insert if absent" did not see the winner's row. */
    private static final String SAME_KEY_AT_ONCE = "23505";
    private static final int DEADLOCK_ATTEMPTS = 5;

    private final JdbcConnectionPool pool;
    private final Optional<SharedDatabaseFile> shared;

    private Database(String url) {
        this(JdbcConnectionPool.create(url, "sa", ""), Optional.empty());
    }

    private Database(JdbcConnectionPool pool, Optional<SharedDatabaseFile> shared) {
        this.pool = pool;
        this.shared = shared;
        this.pool.setMaxConnections(16);
        new Migrations().apply(this);
    }

    /** Opens (creating if needed) the database file in the data directory and brings its schema up to date. */
    public static Database openFile(Path dataDirectory) {
        // The auto-server must never listen beyond this machine.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Path file = dataDirectory.toAbsolutePath().resolve(FILE_NAME);
        // WRITE_DELAY=0: a commit reaches the file before it returns. H2's default keeps it in memory for up to
        // half a second, and a process killed in that window (found by CrashSafetyTest) lost an unsubscribe that
        // another process had been told was saved.
        String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        SharedDatabaseFile shared = new SharedDatabaseFile(file, url, "sa", "");
        // Four commands started together on a new directory would otherwise all run the first migration.
        return shared.oneAtATime(() -> new Database(JdbcConnectionPool.create(shared), Optional.of(shared)));
    }

    /** A private in-memory database, for tests and benchmarks. */
    public static Database openInMemory(String name) {
        return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Could not open a connection to the local database", e);
        }
    }

    /**
     * Runs work in one transaction: all of it is committed, or none of it. When H2 picks this transaction as the
     * victim of a deadlock (two writers, e.g. the nightly run and the real-time pusher marking mirror rows in
     * different orders), it has been rolled back whole, so it is simply run again; so is one that inserted a key
     * another writer inserted at the same moment (an add and an import of one address): run again, it sees the
     * row and leaves it. So is a transaction cut off by the process that served the file to this one going away,
     * once the file is served again (ADR 0022).
     */
    public <T> T inTransaction(Work<T> work) {
        long started = System.nanoTime();
        int races = 0;
        for (int attempt = 1; ; ) {
            try {
                return once(work);
            } catch (StoreException e) {
                if (e.getCause() instanceof SQLException sql && racedAnotherProcess(sql, started, ++races)) {
                    continue;
                }
                if (attempt >= DEADLOCK_ATTEMPTS || !deadlock(e.getCause())) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt++);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean deadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null;
                    sql = sql.getNextException()) {
                if (DEADLOCK.equals(sql.getSQLState()) || SAME_KEY_AT_ONCE.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private <T> T once(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("A write to the local database failed and was rolled back", e);
        }
    }

    /** Runs a read on its own connection; a read that lost a race with another process is simply read again. */
    public <T> T read(Work<T> work) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                if (!racedAnotherProcess(e, started, attempt)) {
                    throw new StoreException("A read from the local database failed", e);
                }
            }
        }
    }

    private boolean racedAnotherProcess(SQLException failure, long startedNanos, int attempt) {
        return shared.isPresent() && shared.get().waitedOut(failure, startedNanos, attempt);
    }

    @Override
    public void close() {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("CHECKPOINT");
        } catch (SQLException e) {
            // Closing anyway; H2 recovers from its log on next open.
        }
        pool.dispose();
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(java.sql.ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
