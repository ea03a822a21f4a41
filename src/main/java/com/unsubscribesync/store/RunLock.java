package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease in the database that makes sure only one nightly run happens at a time, also across processes on the
 * same data directory. A holder that dies stops renewing, and the lease lapses.
 */
public final class RunLock {
    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
    private static final String DUPLICATE_KEY = "23505";
    private final Database database;
    private final String name;

    public RunLock(Database database, String name) {
        this.database = database;
        this.name = name;
    }

    /** Takes the lease when it is free, lapsed, or already ours. */
    public boolean tryAcquire(String holder, Duration lease, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT holder, lease_until FROM run_lock WHERE name = ? FOR UPDATE")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO run_lock (name, holder, lease_until) VALUES (?, ?, ?)")) {
                            insert.setString(1, name);
                            insert.setString(2, holder);
                            insert.setObject(3, Database.utc(now.plus(lease)));
                            insert.executeUpdate();
                        } catch (SQLException e) {
                            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                                return false; // another holder took the very first lease a moment ago
                            }
                            throw e;
                        }
                        return true;
                    }
                    boolean ours = rows.getString("holder").equals(holder);
                    boolean lapsed = !Database.instant(rows, "lease_until").isAfter(now);
                    if (!ours && !lapsed) {
                        return false;
                    }
                }
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE run_lock SET holder = ?, lease_until = ? WHERE name = ?")) {
                update.setString(1, holder);
                update.setObject(2, Database.utc(now.plus(lease)));
                update.setString(3, name);
                update.executeUpdate();
            }
            return true;
        });
    }

    public void release(String holder) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM run_lock WHERE name = ? AND holder = ?")) {
                delete.setString(1, name);
                delete.setString(2, holder);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes the lease and keeps renewing it from a background thread until closed, so a long run keeps it however
     * slow Salesforce is, and a process that is killed frees it within one lease.
     */
    public Optional<Held> hold(String holder, Duration lease, Clock clock) {
        if (!tryAcquire(holder, lease, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Held(holder, lease, clock));
    }

    /** A lease being kept; closing it stops the renewals and frees the lock. */
    public final class Held implements AutoCloseable {
        private final String holder;
        private final java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });

        private Held(String holder, Duration lease, Clock clock) {
            this.holder = holder;
            long every = Math.max(1, lease.toMillis() / 4);
            renewer.scheduleWithFixedDelay(
                    () -> {
                        try {
                            if (!tryAcquire(holder, lease, clock.instant())) {
                                lost.set(true);
                                LOG.error(
                                        "The run lock '{}' was taken by another holder while this run still held it",
                                        name);
                            }
                        } catch (RuntimeException e) {
                            LOG.warn("The run lock '{}' could not be renewed; trying again", name, e);
                        }
                    },
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        }

        /** Whether another holder took the lock since it was taken here: the work under it should stop. */
        public boolean lost() {
            return lost.get();
        }

        @Override
        public void close() {
            renewer.shutdownNow();
            try {
                renewer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release(holder);
        }
    }
}
