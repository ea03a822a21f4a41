package com.unsubscribesync.store;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store: by default the H2 database of one data directory, which several processes (console, command line,
 * {@code serve}) may open at once, the first serving the others over loopback ({@code AUTO_SERVER}); or a database
 * named by a JDBC URL, such as a team's PostgreSQL ({@link #openUrl}).
 */
public final class Database implements AutoCloseable {
    static {
        // The auto-server must never listen beyond this machine. H2 reads this once, when its first class loads, so
        // it is set before this class touches H2 at all (the demo org's own H2 store may load H2 first: it sets the
        // same for the same reason).
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private static final int DEADLOCK_ATTEMPTS = 5;

    private final DataSource pool;
    private final AutoCloseable closing;
    private final SqlDialect dialect;
    private final Optional<SharedDatabaseFile> shared;
    private final Optional<Path> lockFile;
    /** The schema this database made for itself and drops when closed ({@link #openInSchemaOfItsOwn}). */
    private final Optional<String> ownSchema;

    private final ChangeFeed changes;
    /** What the transaction running on this thread changed, for the feed to announce once it commits. */
    private final ThreadLocal<Set<Change>> changedHere = new ThreadLocal<>();

    private Database(
            DataSource pool,
            AutoCloseable closing,
            SqlDialect dialect,
            Optional<SharedDatabaseFile> shared,
            Optional<Path> lockFile,
            Optional<String> ownSchema,
            ChangeFeed changes) {
        this.pool = pool;
        this.closing = closing;
        this.dialect = dialect;
        this.shared = shared;
        this.lockFile = lockFile;
        this.ownSchema = ownSchema;
        this.changes = changes;
    }

    private static Database overH2(JdbcConnectionPool pool, Optional<SharedDatabaseFile> shared, Optional<Path> lock) {
        pool.setMaxConnections(16);
        return new Database(
                pool, pool::dispose, SqlDialect.H2, shared, lock, Optional.empty(), ChangeFeed.inThisProcess());
    }

    /**
     * @param file     the database file without H2's extension, as in the JDBC URL; processes opening it take turns
     *     and wait out H2's open races (ADR 0022)
     * @param lockFile H2's lock file, made owner-only whenever a connection may have made it anew (this process
     *     opening the file after the process that served it died): it holds the auto-server's port and key
     */
    static Database over(Path file, String url, String user, String password, Path lockFile) {
        SharedDatabaseFile shared = new SharedDatabaseFile(file, url, user, password);
        return overH2(JdbcConnectionPool.create(shared), Optional.of(shared), Optional.of(lockFile));
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
        // Four commands started together on a new directory would otherwise all create or migrate it at once.
        return SharedDatabaseFile.oneAtATime(
                dataDirectory.toAbsolutePath().resolve(DatabaseFile.NAME),
                () -> new DatabaseFile(dataDirectory).open());
    }

    /**
     * Compacts the H2 file of a data directory, which no process may have open meanwhile.
     *
     * @throws com.unsubscribesync.domain.InvalidInputException when there is no file, or another process has it open
     */
    public static CompactedFile compactFile(Path dataDirectory) {
        return new DatabaseFile(dataDirectory).compact();
    }

    /** A private in-memory database, for tests and benchmarks; its connections are the admin's. */
    public static Database openInMemory(String name) {
        Database database = overH2(
                JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", ""),
                Optional.empty(),
                Optional.empty());
        try {
            database.migrate();
        } catch (SQLException e) {
            throw new StoreException("The in-memory database " + name + " could not be set up", e);
        }
        return database;
    }

    /**
     * Opens the database a JDBC URL names (PostgreSQL 14 or newer, or H2), through a pool of the given size, and
     * brings its schema up to date. The URL's user migrates, so it must be allowed to create tables and a schema.
     * TLS and its checks are the URL's parameters ({@code sslmode=verify-full&sslrootcert=...}); the password is
     * never part of it (ADR 0055).
     *
     * @throws com.unsubscribesync.domain.InvalidInputException when the URL is not one this app can use, carries a
     *     password, or the database cannot be reached or refuses the user: the message is one line and never holds
     *     the password
     */
    public static Database openUrl(String url, Optional<String> password, PoolSize size) {
        return StoreUrl.open(url, password, size, Optional.empty(), (pool, dialect) -> {
            Database database = new Database(
                    pool,
                    pool,
                    dialect,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    ChangeFeed.of(dialect, () -> listeningConnection(url, password)));
            database.migrate();
            return database;
        });
    }

    /**
     * Opens a new schema of its own, named {@code prefix} and a random suffix, in the database a URL names, with the
     * store's tables migrated into it, and drops it with everything in it when closed. Its connections see nothing
     * else, and its previews are kept in it too, so it neither reads nor writes the store that database may already
     * hold (a benchmark on a team's PostgreSQL, ADR 0063). Its changes are told only in this process: PostgreSQL's
     * notifications go to the whole database, and the team's nodes must not wake for a benchmark's rows. The URL's user must be allowed to create a schema.
     *
     * @throws com.unsubscribesync.domain.InvalidInputException as {@link #openUrl} does
     */
    public static Database openInSchemaOfItsOwn(String url, Optional<String> password, PoolSize size, String prefix) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String schema = prefix + "_" + HexFormat.of().formatHex(random);
        try {
            runOn(url, password, "CREATE SCHEMA " + quoted(schema));
        } catch (StoreException e) {
            throw new InvalidInputException("could not make the schema " + schema + " in the store: "
                    + e.getCause().getMessage().lines().findFirst().orElse("")
                    + "; the URL's user must be allowed to create a schema in that database");
        }
        try {
            return StoreUrl.open(url, password, size, Optional.of(schema), (pool, dialect) -> {
                Database database = new Database(
                        pool,
                        pool,
                        dialect,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(schema),
                        ChangeFeed.inThisProcess());
                database.migrate();
                return database;
            });
        } catch (RuntimeException e) {
            runOn(url, password, dropSchema(schema));
            throw e;
        }
    }

    /** One statement on a connection of its own to the database a URL names, outside of any schema of ours. */
    private static void runOn(String url, Optional<String> password, String sql) {
        try (Database plain = StoreUrl.open(
                url,
                password,
                PoolSize.DESKTOP,
                Optional.empty(),
                (pool, dialect) -> new Database(
                        pool,
                        pool,
                        dialect,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        ChangeFeed.inThisProcess()))) {
            plain.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute(sql);
                }
            });
        }
    }

    private static String dropSchema(String schema) {
        return "DROP SCHEMA IF EXISTS " + quoted(schema) + " CASCADE";
    }

    /** Quoted, so that H2 (which folds to upper case) and PostgreSQL (lower case) name the same schema. */
    private static String quoted(String schema) {
        return '"' + schema + '"';
    }

    /** The schema where a preview keeps what it pulled: {@code previews}, or the schema of its own. */
    String previewSchema() {
        return ownSchema.map(Database::quoted).orElse(DatabaseFile.PREVIEW_SCHEMA);
    }

    /** {@code h2} or {@code postgresql}: the database product, as a benchmark names what it ran on. */
    public String product() {
        return dialect.name().toLowerCase(Locale.ROOT);
    }

    /** Outside the pool: it is held as long as the process listens, and made again after it is lost. */
    private static Connection listeningConnection(String url, Optional<String> password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "unsubscribe-sync changes");
        password.ifPresent(secret -> properties.setProperty("password", secret));
        return DriverManager.getConnection(url, properties);
    }

    private void migrate() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            if (ownSchema.isEmpty()) {
                previewSchema(connection);
            }
            new Migrations().apply(connection, pool::getConnection);
        }
    }

    /** Made once; PostgreSQL may refuse one of several nodes making it at the same moment, which then finds it. */
    private static void previewSchema(Connection connection) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + DatabaseFile.PREVIEW_SCHEMA);
                return;
            } catch (SQLException e) {
                if (attempt >= 3 || !SqlDialect.madeAtOnce(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** What committed writes changed, for the nodes and consoles that read again when told (ADR 0064). */
    public ChangeFeed changes() {
        return changes;
    }

    /**
     * Marks that the transaction running on this thread changed this: the feed announces it if, and once, the
     * transaction commits.
     */
    void changed(Change change) {
        Set<Change> changed = changedHere.get();
        if (changed == null) {
            throw new IllegalStateException("A change is announced by a write inside inTransaction");
        }
        changed.add(change);
    }

    public Connection connection() {
        try {
            Connection connection = pool.getConnection();
            lockFile.ifPresent(OwnerOnly::restrict);
            return connection;
        } catch (SQLException e) {
            throw new StoreException("Could not open a connection to the database", e);
        }
    }

    /**
     * Runs work in one transaction: all of it is committed, or none of it. When H2 picks this transaction as the
     * victim of a deadlock (two writers, e.g. the nightly run and the real-time pusher marking mirror rows in
     * different orders), it has been rolled back whole, so it is simply run again; so is one that inserted a key
     * another writer inserted at the same moment (an add and an import of one address): run again, it sees the
     * row and leaves it. So is a transaction cut off by the process that served the file to this one going away,
     * once the file is served again (ADR 0022).
     *
     * <p>So the work must be safe to run again: it reads only inputs that can be read twice (a list, not an
     * iterator), and it never commits or rolls back itself; the connection it is given refuses to (ADR 0045).
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
            for (SQLException sql = cause instanceof SQLException first ? first : null;
                    sql != null;
                    sql = sql.getNextException()) {
                if (SqlDialect.runAgain(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private <T> T once(Work<T> work) {
        Set<Change> outer = changedHere.get();
        Set<Change> changed = EnumSet.noneOf(Change.class);
        changedHere.set(changed);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(WholeTransaction.of(connection));
                changes.beforeCommit(connection, changed);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            changes.afterCommit(changed);
            return result;
        } catch (SQLException e) {
            throw new StoreException("A write to the local database failed and was rolled back", e);
        } finally {
            if (outer == null) {
                changedHere.remove();
            } else {
                changedHere.set(outer);
            }
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

    /** The store in one line: the database and its version, and the version its tables were brought up to. */
    public String described() {
        return read(connection -> {
            var about = connection.getMetaData();
            String version = about.getDatabaseProductVersion();
            return about.getDatabaseProductName() + " " + version.split(" ", 2)[0] + ", tables up to date (version "
                    + Migrations.version() + ")";
        });
    }

    private boolean racedAnotherProcess(SQLException failure, long startedNanos, int attempt) {
        return shared.isPresent() && shared.get().waitedOut(failure, startedNanos, attempt);
    }

    @Override
    public void close() {
        // No CHECKPOINT: the app's user may not run it, and H2 writes everything when its last session closes.
        changes.close();
        try (AutoCloseable last = closing) {
            if (ownSchema.isPresent()) {
                read(connection -> {
                    try (Statement drop = connection.createStatement()) {
                        return drop.execute(dropSchema(ownSchema.get()));
                    }
                });
            }
        } catch (Exception e) {
            throw new StoreException("The database could not be closed", e);
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Cut to the microsecond the store keeps: left to the database, a time would be rounded half up and could land
     * after the moment it was stamped, so an entry written "due now" would not be due yet.
     */
    static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(java.sql.ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
