package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Real-time pushes that have not reached Salesforce yet. An entry leaves only once its push is settled. */
public final class OutboxRepository {
    private final Database database;

    public OutboxRepository(Database database) {
        this.database = database;
    }

    public long pendingCount() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM outbox"));
    }

    /** The oldest entries due now, at most {@code limit}. */
    public List<OutboxEntry> due(Instant now, int limit) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id, email, created_at, attempts FROM outbox "
                            + "WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
                select.setObject(1, Database.utc(now));
                select.setInt(2, limit);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new OutboxEntry(
                                rows.getLong(1),
                                new Email(rows.getString(2)),
                                Database.instant(rows, "created_at"),
                                rows.getInt(4)));
                    }
                }
                return entries;
            }
        });
    }

    /** How many entries are due, and when the oldest of them was recorded. */
    public record Due(long count, Optional<Instant> oldestRecordedAt) {}

    public Due dueSummary(Instant now) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE next_attempt_at <= ?")) {
                select.setObject(1, Database.utc(now));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    java.time.OffsetDateTime oldest = rows.getObject(2, java.time.OffsetDateTime.class);
                    return new Due(
                            rows.getLong(1), Optional.ofNullable(oldest).map(java.time.OffsetDateTime::toInstant));
                }
            }
        });
    }

    /** When the next entry falls due, if any is waiting. */
    public Optional<Instant> nextDue() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                java.time.OffsetDateTime next = rows.getObject(1, java.time.OffsetDateTime.class);
                return Optional.ofNullable(next).map(java.time.OffsetDateTime::toInstant);
            }
        });
    }

    public void remove(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    /** Puts an entry back for a later attempt, remembering why this one failed. */
    public void retryLater(long id, int attempts, Instant nextAttempt, String error) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                update.setInt(1, attempts);
                update.setObject(2, Database.utc(nextAttempt));
                update.setString(3, error.length() > 2000 ? error.substring(0, 2000) : error);
                update.setLong(4, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Queues a push outside an unsubscribe (an admin's "keep unsubscribed" decision, a retry-now). */
    public void enqueue(Email email, Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox (email, created_at, next_attempt_at) VALUES (?, ?, ?)")) {
                insert.setString(1, email.value());
                insert.setObject(2, Database.utc(now));
                insert.setObject(3, Database.utc(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Makes every waiting entry due now, e.g. once the admin has fixed the field they wait for; returns how many. */
    public int retryAllNow(Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE next_attempt_at > ?")) {
                // Whole microseconds, as the column keeps them, so that the entry is due at {@code now} itself.
                Instant due = now.truncatedTo(ChronoUnit.MICROS);
                update.setObject(1, Database.utc(due));
                update.setObject(2, Database.utc(due));
                return update.executeUpdate();
            }
        });
    }
}
