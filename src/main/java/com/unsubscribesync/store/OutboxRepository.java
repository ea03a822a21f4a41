package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Real-time pushes that have not reached Salesforce yet. An entry leaves only once its push is settled. */
public final class OutboxRepository {
    private final Database database;

    public OutboxRepository(Database database) {
        this.database = database;
    }

    public long pendingCount() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM outbox"));
    }

    /** Unclaimed, or claimed by a node whose lease lapsed (it died mid-push): {@code ?} is now. */
    private static final String FREE = "(claimed_until IS NULL OR claimed_until <= ?)";

    /** The oldest entries due now, at most {@code limit}, claimed or not: what waits, not what to push. */
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
                        entries.add(entry(rows));
                    }
                }
                return entries;
            }
        });
    }

    private static OutboxEntry entry(ResultSet rows) throws java.sql.SQLException {
        return new OutboxEntry(
                rows.getLong(1), new Email(rows.getString(2)), Database.instant(rows, "created_at"), rows.getInt(4));
    }

    /** How many entries are due and free to claim, and when the oldest of them was recorded. */
    public record Due(long count, Optional<Instant> oldestRecordedAt) {}

    public Due dueSummary(Instant now) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE next_attempt_at <= ? AND " + FREE)) {
                select.setObject(1, Database.utc(now));
                select.setObject(2, Database.utc(now));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    java.time.OffsetDateTime oldest = rows.getObject(2, java.time.OffsetDateTime.class);
                    return new Due(
                            rows.getLong(1), Optional.ofNullable(oldest).map(java.time.OffsetDateTime::toInstant));
                }
            }
        });
    }

    /** When the next entry falls due, if any is waiting: one another node holds is due once its claim lapses. */
    public Optional<Instant> nextDue() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT MIN(GREATEST(next_attempt_at, COALESCE(claimed_until, next_attempt_at))) FROM outbox");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                java.time.OffsetDateTime next = rows.getObject(1, java.time.OffsetDateTime.class);
                return Optional.ofNullable(next).map(java.time.OffsetDateTime::toInstant);
            }
        });
    }

    /**
     * Claims for this node, until {@code now + lease}, at most {@code limit} of the oldest entries due now that no
     * other node holds (or whose holder's claim lapsed): no two nodes push the same entry at once (ADR 0060).
     * Rows another claimer has locked are skipped rather than waited for, and each claim is taken only while it is
     * still free, so of two claimers at the same moment each gets its own entries.
     */
    public List<OutboxEntry> claim(String node, Instant now, Duration lease, int limit) {
        return database.inTransaction(connection -> {
            List<OutboxEntry> free = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, email, created_at, attempts "
                    + "FROM outbox WHERE next_attempt_at <= ? AND " + FREE
                    + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setObject(1, Database.utc(now));
                select.setObject(2, Database.utc(now));
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        free.add(entry(rows));
                    }
                }
            }
            if (free.isEmpty()) {
                return free;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND " + FREE)) {
                for (OutboxEntry entry : free) {
                    update.setString(1, node);
                    update.setObject(2, Database.utc(now.plus(lease)));
                    update.setLong(3, entry.id());
                    update.setObject(4, Database.utc(now));
                    update.addBatch();
                }
                int[] taken = update.executeBatch();
                List<OutboxEntry> claimed = new ArrayList<>();
                for (int i = 0; i < taken.length; i++) {
                    if (taken[i] != 0) {
                        claimed.add(free.get(i));
                    }
                }
                return claimed;
            }
        });
    }

    /** Keeps this node's claims for another lease while its pass lasts; returns how many it still holds. */
    public int renewClaims(String node, Instant until) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE outbox SET claimed_until = ? WHERE claimed_by = ?")) {
                update.setObject(1, Database.utc(until));
                update.setString(2, node);
                return update.executeUpdate();
            }
        });
    }

    /** Frees this node's claims on these entries without settling them, e.g. when its pass broke off. */
    public void release(String node, Collection<Long> ids) {
        forEachHeld(
                node,
                ids,
                "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                Set.of());
    }

    /**
     * Removes the settled entries this node still holds; an entry whose claim another node has taken over since
     * stays, for that node to settle.
     */
    public void remove(String node, Collection<Long> ids) {
        forEachHeld(node, ids, "DELETE FROM outbox WHERE id = ? AND claimed_by = ?", Set.of(Change.PUSHED));
    }

    /**
     * @param changed what to announce: a release announces nothing, or a pass breaking off at once would wake its
     *     own pusher straight into the same failure
     */
    private void forEachHeld(String node, Collection<Long> ids, String sql, Set<Change> changed) {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (long id : ids) {
                    statement.setLong(1, id);
                    statement.setString(2, node);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            changed.forEach(database::changed);
            return null;
        });
    }

    /**
     * Puts an entry this node holds back for a later attempt, remembering why this one failed, and frees its claim;
     * does nothing when another node has taken the claim over.
     */
    public void retryLater(String node, long id, int attempts, Instant nextAttempt, String error) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET attempts = ?, "
                    + "next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL "
                    + "WHERE id = ? AND claimed_by = ?")) {
                update.setInt(1, attempts);
                update.setObject(2, Database.utc(nextAttempt));
                update.setString(3, error.length() > 2000 ? error.substring(0, 2000) : error);
                update.setLong(4, id);
                update.setString(5, node);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Queues a push outside an unsubscribe (an admin's "keep unsubscribed" decision, a retry-now). */
    public void enqueue(Email email, Instant now) {
        database.inTransaction(connection -> {
            database.changed(Change.OUTBOX);
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
            database.changed(Change.OUTBOX);
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
