package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
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
    private static final String NOBODY = "";
    private final String name;

    public RunLock(Database database, String name) {
        this.database = database;
        this.name = name;
    }

    /** Takes the lease when it is free, lapsed, or already ours. */
    public boolean tryAcquire(String holder, Duration lease, Instant now) {
        return acquire(holder, lease, now).isPresent();
    }

    /**
     * Takes the lease when it is free, lapsed, or already ours, and says with which fencing number: a holder taking
     * it from another gets the next one, a holder renewing its own keeps its number.
     */
    public OptionalLong acquire(String holder, Duration lease, Instant now) {
        return database.inTransaction(connection -> {
            long fence;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT holder, lease_until, fence FROM run_lock WHERE name = ? FOR UPDATE")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return insertFirst(connection, holder, now.plus(lease));
                    }
                    boolean ours = rows.getString("holder").equals(holder);
                    boolean lapsed = !Database.instant(rows, "lease_until").isAfter(now);
                    if (!ours && !lapsed) {
                        return OptionalLong.empty();
                    }
                    fence = ours ? rows.getLong("fence") : rows.getLong("fence") + 1;
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE run_lock SET holder = ?, lease_until = ?, fence = ? WHERE name = ?")) {
                update.setString(1, holder);
                update.setObject(2, Database.utc(now.plus(lease)));
                update.setLong(3, fence);
                update.setString(4, name);
                update.executeUpdate();
            }
            return OptionalLong.of(fence);
        });
    }

    private OptionalLong insertFirst(java.sql.Connection connection, String holder, Instant until) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_lock (name, holder, lease_until, fence) VALUES (?, ?, ?, 1)")) {
            insert.setString(1, name);
            insert.setString(2, holder);
            insert.setObject(3, Database.utc(until));
            insert.executeUpdate();
            return OptionalLong.of(1);
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return OptionalLong.empty(); // another holder took the very first lease a moment ago
            }
            throw e;
        }
    }

    /** Frees the lease at once; the row stays, with its fencing number, so the next holder's number is higher. */
    public void release(String holder) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE run_lock SET holder = ?, lease_until = ? WHERE name = ? AND holder = ?")) {
                update.setString(1, NOBODY);
                update.setObject(2, Database.utc(Instant.EPOCH));
                update.setString(3, name);
                update.setString(4, holder);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes the lease and keeps renewing it from a background thread until closed, so a long run keeps it however
     * slow Salesforce is, and a process that is killed frees it within one lease.
     */
    public Optional<Held> hold(String holder, Duration lease, Clock clock) {
        OptionalLong fence = acquire(holder, lease, clock.instant());
        if (fence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Held(holder, fence.getAsLong(), lease, clock));
    }

    /** A lease being kept; closing it stops the renewals and frees the lock. */
    public final class Held implements AutoCloseable {
        private final String holder;
        private final Fence fence;
        private final java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });

        private Held(String holder, long fence, Duration lease, Clock clock) {
            this.holder = holder;
            this.fence = new Fence(name, holder, fence);
            long every = Math.max(1, lease.toMillis() / 4);
            renewer.scheduleWithFixedDelay(
                    () -> {
                        try {
                            OptionalLong renewed = acquire(holder, lease, clock.instant());
                            if (renewed.isEmpty() || renewed.getAsLong() != fence) {
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

        /** What the run's final writes check, so that they are refused once another holder took the lock over. */
        public Fence fence() {
            return fence;
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
