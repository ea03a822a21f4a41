package com.unsubscribesync.store;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens the H2 file of a data directory as the app's own database user, who may read and write rows but not run
 * DDL, {@code FILE_READ}, {@code FILE_WRITE}, {@code CREATE ALIAS} or any other admin-only statement. The admin
 * ({@code sa}) creates the database, sets the users up and applies migrations. A database from before the
 * passwords ({@code sa} with an empty password) is upgraded on first open. A file that is empty or damaged is
 * refused with a sentence naming it; it is never replaced by a fresh database.
 */
final class DatabaseFile {
    static final String NAME = "unsubscribe-sync";
    static final String APP_USER = "UNSUBSCRIBE_SYNC";
    static final String ADMIN_USER = "SA";
    /** Where the app's user may make and drop the tables a preview pulls into; it owns nothing else. */
    static final String PREVIEW_SCHEMA = "PREVIEWS";

    private static final String NEW_PREFIX = NAME + "-new-";
    private static final String SUFFIX = ".mv.db";
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int HEADER_BLOCK = 4096;
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final Path directory;
    private final Path file;
    /** H2's lock file, there while a process has the store open (or left by one that was killed). */
    private final Path lock;

    DatabaseFile(Path directory) {
        this.directory = directory.toAbsolutePath();
        this.file = this.directory.resolve(NAME + SUFFIX);
        this.lock = this.directory.resolve(NAME + ".lock.db");
    }

    /**
     * The connection settings. WRITE_DELAY=0: a commit reaches the file before it returns; H2's default keeps it in
     * memory for up to half a second, and a process killed in that window (found by CrashSafetyTest) lost an
     * unsubscribe another process had been told was saved. H2 applies it when a connection opens the file, for
     * any user, then also runs it as a SET that only an admin may run: IGNORE_UNKNOWN_SETTINGS lets the app's user
     * skip that refusal, and TRACE_LEVEL_FILE=0 keeps H2 from writing each refusal (and any SQL with addresses) to
     * a trace file; failures reach the app's own log through its exceptions.
     */
    private String url(Path base) {
        return "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;TRACE_LEVEL_FILE=0"
                + ";IGNORE_UNKNOWN_SETTINGS=TRUE";
    }

    Database open() {
        removeLeftovers();
        Optional<DatabasePasswords> saved = DatabasePasswords.read(directory);
        String url = url(directory.resolve(NAME)) + ";IFEXISTS=TRUE";
        DatabasePasswords passwords;
        if (!Files.exists(file)) {
            passwords = saved.orElseGet(() -> DatabasePasswords.random().keep(directory));
            create(passwords);
        } else {
            checkHeader();
            passwords = saved.orElseGet(() -> upgradeWithoutPasswords(url));
        }
        try (Connection checked = bringUpToDate(url, passwords)) {
            OwnerOnly.restrict(file);
            Database database = Database.over(directory.resolve(NAME), url, APP_USER, passwords.app(), lock);
            // The pool keeps this connection, so the file stays open (and served to other processes) until close;
            // taken while the check's connection is still open, so H2 does not close and reopen the file.
            database.read(connection -> null);
            return database;
        } catch (SQLException e) {
            throw opening(e);
        }
    }

    /**
     * Rewrites the file with only the pages it still uses (H2's {@code SHUTDOWN COMPACT}). H2 writes every page a
     * commit changed anew and reuses the old places only later, so a large first run leaves the file at its peak
     * (3.5 GB after a first run on a million people, 83 MB compacted). Done only while no process has the file open:
     * compacting closes the database, and a console or {@code serve} using it would lose it mid-work.
     *
     * @throws InvalidInputException when there is no file, or another process has it open
     */
    CompactedFile compact() {
        if (!Files.exists(file)) {
            throw new InvalidInputException("there is no store file in " + directory
                    + " to compact: check --data-dir (or UNSUBSCRIBE_SYNC_HOME)");
        }
        checkHeader();
        DatabasePasswords passwords = DatabasePasswords.read(directory).orElse(new DatabasePasswords("", ""));
        return SharedDatabaseFile.oneAtATime(directory.resolve(NAME), () -> {
            // In this turn no process opens the file, and a lock file left by a killed one is gone already.
            if (Files.exists(lock)) {
                throw openElsewhere();
            }
            long before = size();
            long started = System.nanoTime();
            // Without AUTO_SERVER: a process that has the file open makes this fail, never shuts its database down.
            String url = "jdbc:h2:file:" + directory.resolve(NAME) + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
            try (Connection admin = adminConnection(url, passwords);
                    Statement statement = admin.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
                    throw openElsewhere();
                }
                throw new StoreException("The local database " + file + " could not be compacted", e);
            }
            OwnerOnly.restrict(file);
            return new CompactedFile(before, size(), Duration.ofNanos(System.nanoTime() - started));
        });
    }

    private InvalidInputException openElsewhere() {
        return new InvalidInputException("the store file " + file + " is open in another process (the console or "
                + "serve): close it, then run store compact again");
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The size of " + file + " could not be read", e);
        }
    }

    /**
     * A new database is made whole under a temporary name (admin, app user, schema) and only then gets its name,
     * so a database file that exists was complete once: one without tables is damaged, not new. Of two processes
     * creating it at once, the second drops its own and opens the first's.
     */
    private void create(DatabasePasswords passwords) {
        byte[] nonce = new byte[6];
        new java.security.SecureRandom().nextBytes(nonce);
        String base = NEW_PREFIX + HexFormat.of().formatHex(nonce);
        Path made = directory.resolve(base + SUFFIX);
        try {
            String madeUrl = "jdbc:h2:file:" + directory.resolve(base);
            try (Connection admin = DriverManager.getConnection(madeUrl, ADMIN_USER, passwords.admin())) {
                setUp(admin, passwords);
                new Migrations()
                        .apply(admin, () -> DriverManager.getConnection(madeUrl, ADMIN_USER, passwords.admin()));
            } catch (SQLException e) {
                throw new StoreException("The local database " + file + " could not be created", e);
            }
            OwnerOnly.restrict(made);
            OwnerOnly.linkNew(file, made);
        } catch (IOException e) {
            throw new UncheckedIOException("The local database " + file + " could not be created", e);
        } finally {
            deleteQuietly(made);
            deleteQuietly(directory.resolve(base + ".trace.db"));
        }
    }

    /** A database from before the passwords: {@code sa} with an empty password. It gets them now. */
    private DatabasePasswords upgradeWithoutPasswords(String url) {
        try (Connection legacy = connect(url, ADMIN_USER, "")) {
            requireTables(legacy);
        } catch (SQLException e) {
            if (e.getErrorCode() == WRONG_USER_OR_PASSWORD) {
                throw new DamagedFileException("the database password file " + directory.resolve(DatabasePasswords.FILE)
                        + " is missing, so " + file + " cannot be opened: restore both "
                        + "from the same backup (or move the database aside to start empty)");
            }
            throw opening(e);
        }
        return DatabasePasswords.random().keep(directory);
    }

    /**
     * Logs in as the app; when its user is not there yet (an upgrade, or one cut short) or a migration is due,
     * the admin sets things up first.
     */
    private Connection bringUpToDate(String url, DatabasePasswords passwords) throws SQLException {
        try {
            Connection app = connect(url, APP_USER, passwords.app());
            try {
                requireTables(app);
                if (Migrations.current(app)) {
                    return app;
                }
            } catch (SQLException | RuntimeException e) {
                app.close();
                throw e;
            }
            try (Connection admin = adminConnection(url, passwords)) {
                migrate(admin, url, passwords);
            } finally {
                app.close();
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            try (Connection admin = adminConnection(url, passwords)) {
                migrate(admin, url, passwords);
            }
        }
        return connect(url, APP_USER, passwords.app());
    }

    private void migrate(Connection admin, String url, DatabasePasswords passwords) throws SQLException {
        requireTables(admin);
        setUp(admin, passwords);
        new Migrations().apply(admin, () -> adminConnection(url, passwords));
    }

    /** The admin, with its password, or (once, during the upgrade) with the empty one it had before. */
    private Connection adminConnection(String url, DatabasePasswords passwords) throws SQLException {
        try {
            return connect(url, ADMIN_USER, passwords.admin());
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
        }
        try {
            return connect(url, ADMIN_USER, "");
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            throw new DamagedFileException("the database password file " + directory.resolve(DatabasePasswords.FILE)
                    + " does not fit the database " + file + ": restore both from the same backup");
        }
    }

    /** Idempotent: the app's user and its rights, the preview schema it owns, the admin's password. */
    private static void setUp(Connection admin, DatabasePasswords passwords) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + APP_USER + " PASSWORD '" + passwords.app() + "'");
            statement.execute("ALTER USER " + APP_USER + " SET PASSWORD '" + passwords.app() + "'");
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + APP_USER);
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + PREVIEW_SCHEMA + " AUTHORIZATION " + APP_USER);
            statement.execute("ALTER USER " + ADMIN_USER + " SET PASSWORD '" + passwords.admin() + "'");
        }
    }

    /**
     * Every database this app made has its migrations table. H2 opens a file cut short after its header as an
     * empty database; without this check the migrations would fill it and the unsubscribes would be gone.
     */
    private void requireTables(Connection connection) throws SQLException {
        if (Jdbc.count(
                        connection,
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                                + "AND TABLE_NAME = 'SCHEMA_VERSION'")
                == 0) {
            throw damaged("it has no tables");
        }
    }

    /**
     * Refuses an empty file, and one cut short before the newest data its header points at, before H2 sees it
     * (H2 would open either as a new, empty database). A header in a format not known here is left to H2.
     */
    private void checkHeader() {
        byte[] start;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            start = in.readNBytes(2 * HEADER_BLOCK);
        } catch (IOException e) {
            return; // e.g. locked by the process that serves it (Windows): that process has it open and sound
        }
        if (size == 0) {
            throw new DamagedFileException("the database file " + file + " is empty (0 bytes): restore it from a "
                    + "backup (or move it aside to start empty)");
        }
        boolean known = false;
        for (int at = 0; at + HEADER_BLOCK <= start.length; at += HEADER_BLOCK) {
            Optional<Map<String, String>> header = header(start, at);
            if (header.isPresent()) {
                known = true;
                try {
                    long block = Long.parseLong(header.get().get("block"), 16);
                    long blockSize = Long.parseLong(header.get().getOrDefault("blockSize", "1000"), 16);
                    long chunkBlocks = chunkLength(block * blockSize).orElse(1L);
                    if ((block + chunkBlocks) * blockSize <= size) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // Not a header after all; the other copy decides.
                }
            }
        }
        if (known || start.length < 2 * HEADER_BLOCK) {
            throw damaged("it is cut short: " + size + " bytes");
        }
    }

    /** How many blocks the chunk at this offset says it spans; empty when it cannot be read. */
    private Optional<Long> chunkLength(long offset) {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(256);
            channel.read(buffer, offset);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
            if (!text.startsWith("chunk:")) {
                return Optional.empty();
            }
            for (String field : text.split("[,\\n]")) {
                if (field.startsWith("len:")) {
                    return Optional.of(Long.parseLong(field.substring(4).strip(), 16));
                }
            }
        } catch (IOException | RuntimeException e) {
            // H2 decides
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> header(byte[] bytes, int at) {
        String text = new String(bytes, at, HEADER_BLOCK, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("H:2,")) {
            return Optional.empty();
        }
        int end = text.length();
        for (char stop : new char[] {'\n', '\0'}) {
            end = text.indexOf(stop) > 0 ? Math.min(end, text.indexOf(stop)) : end;
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : text.substring(0, end).split(",")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.put(field.substring(0, colon), field.substring(colon + 1).strip());
            }
        }
        return fields.containsKey("block") ? Optional.of(fields) : Optional.empty();
    }

    private RuntimeException opening(SQLException e) {
        if (e.getErrorCode() == 90030
                || e.getErrorCode() == 90048
                || (e.getErrorCode() == 90028 || e.getErrorCode() == 90031) && causedByTheFile(e)) {
            return damaged("H2 could not read it");
        }
        return new StoreException("Could not open the local database " + file, e);
    }

    private static boolean causedByTheFile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    private DamagedFileException damaged(String why) {
        return new DamagedFileException("the database file " + file + " is damaged (" + why + "): restore it from "
                + "a backup (or move it aside to start empty)");
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Databases a killed process was still making; an hour old, so none is still being made. */
    private void removeLeftovers() {
        try (Stream<Path> files = Files.list(directory)) {
            Instant old = Instant.now().minus(LEFTOVER_AGE);
            for (Path leftover : files.filter(f -> f.getFileName().toString().startsWith(NEW_PREFIX))
                    .toList()) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(old)) {
                    deleteQuietly(leftover);
                }
            }
        } catch (IOException e) {
            // Leftovers only take room; they hold no secret the data directory does not.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // removed on a later start
        }
    }
}
