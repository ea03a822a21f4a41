package com.unsubscribesync.store;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pending conflicts an admin should inspect. The same open conflict is never stored twice. */
public final class ConflictRepository {
    private static final String COLUMNS = "SELECT id, kind, email, salesforce_id, object_type, status_code, explanation, "
            + "created_at, resolved_at, resolution, resolved_by FROM conflicts ";
    private static final String SAME_OPEN = "kind = ? AND resolved_at IS NULL AND email IS NOT DISTINCT FROM ? "
            + "AND salesforce_id IS NOT DISTINCT FROM ? AND object_type IS NOT DISTINCT FROM ?";

    private final Database database;

    public ConflictRepository(Database database) {
        this.database = database;
    }

    /** The details of a new conflict. */
    public record NewConflict(ConflictKind kind, Optional<Email> email, Optional<SalesforceId> recordId,
            Optional<SObjectType> objectType, Optional<String> statusCode, String explanation) {
    }

    /**
     * Stores the conflict unless the same one is already open (then its explanation is refreshed).
     *
     * @return true when it is new
     */
    public boolean record(NewConflict conflict, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE conflicts SET explanation = ?, status_code = ? WHERE " + SAME_OPEN)) {
                update.setString(1, conflict.explanation());
                update.setString(2, conflict.statusCode().orElse(null));
                bindIdentity(update, 3, conflict.kind(), conflict.email(), conflict.recordId(), conflict.objectType());
                if (update.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conflicts (kind, email, salesforce_id, "
                    + "object_type, status_code, explanation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, conflict.kind().name());
                insert.setString(2, conflict.email().map(Email::value).orElse(null));
                insert.setString(3, conflict.recordId().map(SalesforceId::value).orElse(null));
                insert.setString(4, conflict.objectType().map(SObjectType::name).orElse(null));
                insert.setString(5, conflict.statusCode().orElse(null));
                insert.setString(6, truncate(conflict.explanation(), 2000));
                insert.setObject(7, Database.utc(now));
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** Closes the open conflict matching these details, e.g. when a later push succeeded. */
    public int resolveMatching(ConflictKind kind, Optional<Email> email, Optional<SalesforceId> recordId,
            Optional<SObjectType> objectType, String resolution, String actor, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE " + SAME_OPEN)) {
                update.setObject(1, Database.utc(now));
                update.setString(2, resolution);
                update.setString(3, actor);
                bindIdentity(update, 4, kind, email, recordId, objectType);
                return update.executeUpdate();
            }
        });
    }

    /** Closes the open write-rejected conflicts of records that a later write did set after all. */
    public int resolveRejectedWrites(Collection<SalesforceId> written, String actor, Instant now) {
        if (written.isEmpty()) {
            return 0;
        }
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conflicts SET resolved_at = ?, "
                    + "resolution = ?, resolved_by = ? WHERE kind = ? AND resolved_at IS NULL AND salesforce_id = ?")) {
                for (SalesforceId id : written) {
                    update.setObject(1, Database.utc(now));
                    update.setString(2, "written by a later run");
                    update.setString(3, actor);
                    update.setString(4, ConflictKind.WRITE_REJECTED.name());
                    update.setString(5, id.value());
                    update.addBatch();
                }
                return Arrays.stream(update.executeBatch()).sum();
            }
        });
    }

    /** Closes one conflict by id; false when it was not open. */
    public boolean resolve(long id, String resolution, String actor, Instant now) {
        return resolve(id, resolution, actor, Optional.empty(), now);
    }

    /** Closes one conflict by id with the admin's reason; false when it was not open. */
    public boolean resolve(long id, String resolution, String actor, Optional<String> reason, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conflicts SET resolved_at = ?, "
                    + "resolution = ?, resolved_by = ?, resolution_reason = ? WHERE id = ? AND resolved_at IS NULL")) {
                update.setObject(1, Database.utc(now));
                update.setString(2, resolution);
                update.setString(3, actor);
                update.setString(4, reason.orElse(null));
                update.setLong(5, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    public Optional<Conflict> find(long id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE id = ?")) {
                select.setLong(1, id);
                return read(select).stream().findFirst();
            }
        });
    }

    /** Open conflicts, oldest first, of one kind or of all. */
    public List<Conflict> open(Optional<ConflictKind> kind, int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE resolved_at IS NULL"
                    + (kind.isPresent() ? " AND kind = ?" : "") + " ORDER BY id LIMIT ?")) {
                int i = 1;
                if (kind.isPresent()) {
                    select.setString(i++, kind.get().name());
                }
                select.setInt(i, limit);
                return read(select);
            }
        });
    }

    /** Resolved conflicts, the most recently resolved first. */
    public List<Conflict> recentlyResolved(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE resolved_at IS NOT NULL "
                    + "ORDER BY resolved_at DESC, id DESC LIMIT ?")) {
                select.setInt(1, limit);
                return read(select);
            }
        });
    }

    /** Open conflicts by kind, every kind present (zero when none). */
    public Map<ConflictKind, Long> openCountsByKind() {
        return database.read(connection -> {
            Map<ConflictKind, Long> counts = new EnumMap<>(ConflictKind.class);
            for (ConflictKind kind : ConflictKind.values()) {
                counts.put(kind, 0L);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, COUNT(*) FROM conflicts WHERE resolved_at IS NULL GROUP BY kind");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(ConflictKind.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    private static void bindIdentity(PreparedStatement statement, int first, ConflictKind kind, Optional<Email> email,
            Optional<SalesforceId> recordId, Optional<SObjectType> objectType) throws SQLException {
        statement.setString(first, kind.name());
        statement.setString(first + 1, email.map(Email::value).orElse(null));
        statement.setString(first + 2, recordId.map(SalesforceId::value).orElse(null));
        statement.setString(first + 3, objectType.map(SObjectType::name).orElse(null));
    }

    private static List<Conflict> read(PreparedStatement select) throws SQLException {
        List<Conflict> conflicts = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                conflicts.add(new Conflict(rows.getLong("id"), ConflictKind.valueOf(rows.getString("kind")),
                        Optional.ofNullable(rows.getString("email")).map(Email::new),
                        Optional.ofNullable(rows.getString("salesforce_id")).map(SalesforceId::new),
                        Optional.ofNullable(rows.getString("object_type")).map(SObjectType::valueOf),
                        Optional.ofNullable(rows.getString("status_code")), rows.getString("explanation"),
                        Database.instant(rows, "created_at"), Optional.ofNullable(Database.instant(rows, "resolved_at")),
                        Optional.ofNullable(rows.getString("resolution")),
                        Optional.ofNullable(rows.getString("resolved_by"))));
            }
        }
        return conflicts;
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
