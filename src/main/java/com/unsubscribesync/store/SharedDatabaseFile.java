package com.unsubscribesync.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 file that the console, the commands and {@code serve} open at the same time (AUTO_SERVER). H2 decides
 * which process serves the file through a lock file with a cooperative protocol: two processes taking it over
 * together fail outright ("Another process was faster", "Locked by another process", a refused connection to a
 * server that is going away), and a lock file left by a killed process costs every opener 2 to 4 s before H2
 * believes it. Here opening is one process at a time on this machine (an OS lock on a file beside the database),
 * a lock file whose server no longer answers on loopback is removed before H2 reads it, and what races remain are
 * waited out with a short back-off, within {@link #PATIENCE} (ADR 0022). Whose data it is stays H2's to decide: the
 * database file itself is locked by the OS while a process has it open.
 */
final class SharedDatabaseFile implements ConnectionPoolDataSource {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String OPENING_LOCK_SUFFIX = ".opening.lock";
    private static final String H2_LOCK_SUFFIX = ".lock.db";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);
    private static final int PROBE_TIMEOUT_MS = 500;
    /**
     * Error opening database (H2's lock-file protocol), already open, connection broken, database closed, and
     * closed because the process serving it is exiting.
     */
    private static final Set<Integer> RACES = Set.of(8000, 90020, 90067, 90098, 90121);

    private static final Logger LOG = LoggerFactory.getLogger(SharedDatabaseFile.class);
    /**
     * An OS file lock belongs to the whole process, and closing any channel on the file may drop it, so the threads
     * of one process take turns before one of them takes the OS lock.
     */
    private static final Map<Path, ReentrantLock> TURNS_IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final JdbcDataSource h2;
    private final Path openingLock;
    private final Path h2Lock;

    /** @param file the database file without H2's extension, as in the JDBC URL */
    SharedDatabaseFile(Path file, String url, String user, String password) {
        this.h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user);
        h2.setPassword(password);
        this.openingLock = file.resolveSibling(file.getFileName() + OPENING_LOCK_SUFFIX);
        this.h2Lock = file.resolveSibling(file.getFileName() + H2_LOCK_SUFFIX);
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        Duration pause = FIRST_PAUSE;
        int races = 0;
        while (true) {
            SQLException race;
            try {
                PooledConnection connection = inTurn(deadline, h2::getPooledConnection);
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (races > 0 || waited > 1_000) {
                    LOG.info(
                            "Opened the local database after {} ms and {} race(s) with other processes", waited, races);
                }
                return connection;
            } catch (SQLException e) {
                if (!RACES.contains(e.getErrorCode())) {
                    throw e;
                }
                race = e;
            }
            races++;
            LOG.debug("Opening the local database raced another process: {}", race.getMessage());
            if (System.nanoTime() + pause.toNanos() > deadline) {
                throw busy(race);
            }
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /**
     * Whether work that failed with {@code failure} lost a race over who serves the file and may run again: then
     * this has waited a moment and removed a lock file nobody serves, so that H2's reconnection finds none.
     */
    boolean waitedOut(SQLException failure, long startedNanos, int attempt) {
        long deadline = startedNanos + PATIENCE.toNanos();
        if (!RACES.contains(failure.getErrorCode()) || System.nanoTime() > deadline || exiting()) {
            return false;
        }
        LOG.debug("Work on the local database raced another process (attempt {}): {}", attempt, failure.getMessage());
        try {
            pause(FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 4)));
            inTurn(deadline, () -> null);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Runs the opening of the database (with its schema upgrade) while no other process on this machine opens the
     * same file. A thread that already has the turn keeps it.
     */
    /**
     * Opens the file in this process's turn; an opening cut short by a race over who serves the file (its serving
     * process leaving mid-check) is run again from the start, in a new turn, until {@link #PATIENCE} runs out.
     */
    static <T> T oneAtATime(Path file, java.util.function.Supplier<T> opening) {
        SharedDatabaseFile shared = new SharedDatabaseFile(file, "jdbc:h2:file:" + file, "", "");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return shared.oneAtATime(opening);
            } catch (StoreException e) {
                if (!raced(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                LOG.debug("Opening the local database raced another process; opening again", e);
            }
            try {
                pause(pause);
            } catch (SQLException interrupted) {
                throw new StoreException("Could not open the local database: interrupted", interrupted);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static boolean raced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && RACES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    <T> T oneAtATime(java.util.function.Supplier<T> opening) {
        try {
            return inTurn(System.nanoTime() + PATIENCE.toNanos(), opening::get);
        } catch (SQLException e) {
            throw new StoreException("Could not open the local database: " + e.getMessage(), e);
        }
    }

    private <T> T inTurn(long deadline, Opening<T> opening) throws SQLException {
        ReentrantLock turn =
                TURNS_IN_THIS_PROCESS.computeIfAbsent(openingLock.toAbsolutePath(), p -> new ReentrantLock());
        try {
            if (!turn.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw busy(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(e);
        }
        try {
            if (turn.getHoldCount() > 1) {
                removeLockNobodyServes();
                return opening.open();
            }
            try (FileChannel channel = FileChannel.open(
                            openingLock, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
                    FileLock held = osLock(channel, deadline)) {
                removeLockNobodyServes();
                return opening.open();
            }
        } catch (IOException e) {
            throw new SQLException(
                    "the lock file " + openingLock.getFileName() + " beside the local database could not " + "be used ("
                            + e.getMessage() + ")",
                    "08001",
                    e);
        } finally {
            turn.unlock();
        }
    }

    private FileLock osLock(FileChannel channel, long deadline) throws IOException, SQLException {
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // Another data source of this process on the same file name: it too takes its turn first.
            }
            if (System.nanoTime() > deadline) {
                throw busy(null);
            }
            pause(Duration.ofMillis(5));
        }
    }

    /**
     * H2's lock file names the loopback port where its owner serves the database. Openers take turns here and an
     * owner starts that server before its turn ends, so a lock file without a server, or with one that refuses
     * connections, was left by a process killed while opening, killed while serving, or closing; H2 itself would
     * wait 2 to 4 s to conclude the same. Removing it is safe even in the rare case that H2 reconnects a client
     * outside any turn: the owner's watchdog writes its lock file again within a second, and the database file
     * stays locked by the OS for that owner, so an opener that misjudged fails and tries again.
     */
    private void removeLockNobodyServes() throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(h2Lock)) {
            lock.load(in);
        } catch (NoSuchFileException e) {
            return;
        }
        Optional<String> server = Optional.ofNullable(lock.getProperty("server"));
        if (server.isPresent() && answers(server.get())) {
            return;
        }
        LOG.info(
                "Removing the lock file of a process that no longer serves the local database ({})",
                server.orElse("it was killed while opening it"));
        Files.deleteIfExists(h2Lock);
    }

    /** Whether anything listens at host:port; anything but a refused connection on loopback counts as yes. */
    private static boolean answers(String server) {
        int colon = server.lastIndexOf(':');
        InetAddress[] addresses;
        int port;
        try {
            addresses = InetAddress.getAllByName(server.substring(0, Math.max(colon, 0)));
            port = Integer.parseInt(server.substring(colon + 1));
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
        for (InetAddress address : addresses) {
            // Only ever probe this machine.
            if (!address.isLoopbackAddress()) {
                return true;
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(address, port), PROBE_TIMEOUT_MS);
                return true;
            } catch (ConnectException refused) {
                // Try the next address of the name.
            } catch (IOException other) {
                return true;
            }
        }
        return false;
    }

    private SQLException busy(Throwable cause) {
        return new SQLException(
                "another process kept it busy for " + PATIENCE.toSeconds() + " s: try again, and if "
                        + "it lasts, stop the other unsubscribe-sync processes on this data directory",
                "08001",
                0,
                cause);
    }

    /** Whether this process is exiting, when its own database closing is no race to wait out. */
    private static boolean exiting() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    private static void pause(Duration pause) throws SQLException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the local database", "08001", e);
        }
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the local database has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }

    @FunctionalInterface
    private interface Opening<T> {
        T open() throws SQLException;
    }
}
