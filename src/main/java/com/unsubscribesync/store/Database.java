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
    private static final String DEADLOCK = "40001";
    private static final int DEADLOCK_ATTEMPTS = 5;

    private final JdbcConnectionPool pool;
    private final Optional<Path> lockFile;

    private Database(String url, String user, String password, Optional<Path> lockFile) {
        this.pool = JdbcConnectionPool.create(url, user, password);
        this.pool.setMaxConnections(16);
        this.lockFile = lockFile;
    }

    /**
     * @param lockFile H2's lock file, made owner-only whenever a connection may have made it anew (this process
     *     opening the file after the process that served it died): it holds the auto-server's port and key
     */
    static Database over(String url, String user, String password, Optional<Path> lockFile) {
        return new Database(url, user, password, lockFile);
    }

    /**
     * Opens (creating if needed) the database file in the data directory and brings its schema up to date. The
     * connections are the app's database user's, who cannot run DDL or H2's file functions ({@link DatabaseFile}).
     * A commit reaches the file before it returns (WRITE_DELAY 0, see {@link DatabaseFile}).
     *
     * @throws com.unsubscribesync.domain.DamagedFileException when the file, or its password file, is missing,
     *     empty or damaged: the message names it and says how to restore it
     */
    public static Database openFile(Path dataDirectory) {
        // The auto-server must never listen beyond this machine.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        return new DatabaseFile(dataDirectory).open();
    }

    /** A private in-memory database, for tests and benchmarks; its connections are the admin's. */
    public static Database openInMemory(String name) {
        Database database = new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "",
                Optional.empty());
        database.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + DatabaseFile.PREVIEW_SCHEMA);
            }
            new Migrations().apply(connection);
            return null;
        });
        return database;
    }

    public Connection connection() {
        try {
            Connection connection = pool.getConnection();
            lockFile.ifPresent(OwnerOnly::restrict);
            return connection;
        } catch (SQLException e) {
            throw new StoreException("Could not open a connection to the local database", e);
        }
    }

    /**
     * Runs work in one transaction: all of it is committed, or none of it. When H2 picks this transaction as the
     * victim of a deadlock (two writers, e.g. the nightly run and the real-time pusher marking mirror rows in
     * different orders), it has been rolled back whole, so it is simply run again.
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (StoreException e) {
                if (attempt >= DEADLOCK_ATTEMPTS || !deadlock(e.getCause())) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
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
                if (DEADLOCK.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private <T> T once(Work<T> work) {
        try (Connection connection = connection()) {
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

    /** Runs a read on its own connection. */
    public <T> T read(Work<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("A read from the local database failed", e);
        }
    }

    @Override
    public void close() {
        // No CHECKPOINT: the app's user may not run it, and H2 writes everything when its last session closes.
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
