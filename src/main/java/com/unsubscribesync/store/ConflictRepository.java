package com.unsubscribesync.store;

import com.unsubscribesync.domain.ConflictFacts;
import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Dismissal;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Pending conflicts an admin should inspect. The same open conflict is never stored twice. */
public final class ConflictRepository {
    private static final String COLUMNS =
            "SELECT id, kind, email, salesforce_id, object_type, status_code, explanation, "
                    + "created_at, resolved_at, resolution, resolved_by FROM conflicts ";

    /** The resolution of an admin's dismissal, which holds until something new happens ({@link Dismissal}). */
    public static final String DISMISS = "dismiss";
    /** What is known now of the conflict's person and record, kept with its resolution. */
    private static final String SEEN_NOW =
            "seen_history_id = (SELECT COALESCE(MAX(h.id), 0) FROM unsubscribe_history h "
                    + "WHERE h.email = conflicts.email), seen_modstamp = (SELECT m.system_modstamp FROM sf_mirror m "
                    + "WHERE m.id = conflicts.salesforce_id)";

    /** Conflicts written in one transaction by {@link #recordAll}. */
    static final int TOGETHER = 500;

    private final Database database;
    /**
     * One recording at a time in this process: two real-time passes (ADR 0077), or a pass and the nightly run, that
     * find the same conflict at once would each see it missing and store it twice.
     */
    private final Object recording = new Object();

    public ConflictRepository(Database database) {
        this.database = database;
    }

    /** The details of a new conflict. */
    public record NewConflict(
            ConflictKind kind,
            Optional<Email> email,
            Optional<SalesforceId> recordId,
            Optional<SObjectType> objectType,
            Optional<String> statusCode,
            String explanation) {}

    /**
     * Stores the conflict unless the same one is already open (then its explanation is refreshed).
     *
     * @return true when it is new
     */
    public boolean record(NewConflict conflict, Instant now) {
        return oneAtATime(connection -> record(connection, conflict, now));
    }

    /**
     * Records a conflict a sync run found, only while the run still holds its lock: a run paused past its lease
     * does not add what its stale plan found (ADR 0060).
     *
     * @throws Fence.LeaseLostException when another run took the lock over; nothing is written
     */
    public boolean record(NewConflict conflict, Instant now, Fence fence) {
        return oneAtATime(connection -> {
            fence.check(connection);
            return record(connection, conflict, now);
        });
    }

    /**
     * Records conflicts as {@link #record(NewConflict, Instant)} does, a few hundred to a transaction: each commit
     * writes the store's file, so one per conflict made a pass or a first run with thousands of them spend seconds
     * on commits alone. A batch is written whole or not at all.
     *
     * @return how many were new
     */
    public int recordAll(Iterator<NewConflict> conflicts, Instant now) {
        return recordAll(conflicts, now, Optional.empty());
    }

    /**
     * Records the conflicts a sync run found, in batches as {@link #recordAll(Iterator, Instant)} does, each only
     * while the run still holds its lock.
     *
     * @return how many were new
     * @throws Fence.LeaseLostException when another run took the lock over; the batches before it stay
     */
    public int recordAll(Iterator<NewConflict> conflicts, Instant now, Fence fence) {
        return recordAll(conflicts, now, Optional.of(fence));
    }

    private int recordAll(Iterator<NewConflict> conflicts, Instant now, Optional<Fence> fence) {
        int added = 0;
        while (conflicts.hasNext()) {
            List<NewConflict> batch = new ArrayList<>(TOGETHER);
            while (conflicts.hasNext() && batch.size() < TOGETHER) {
                batch.add(conflicts.next());
            }
            added += oneAtATime(connection -> {
                if (fence.isPresent()) {
                    fence.get().check(connection);
                }
                int newOnes = 0;
                for (NewConflict conflict : batch) {
                    if (record(connection, conflict, now)) {
                        newOnes++;
                    }
                }
                return newOnes;
            });
        }
        return added;
    }

    private <T> T oneAtATime(Database.Work<T> recordings) {
        synchronized (recording) {
            return database.inTransaction(recordings);
        }
    }

    private boolean record(Connection connection, NewConflict conflict, Instant now) throws SQLException {
        List<SameConflict> same = same(connection, Identity.of(conflict));
        if (!openIds(same).isEmpty()) {
            refresh(connection, conflict, same);
            return false;
        }
        if (heldByDismissal(connection, conflict, same)) {
            return false;
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO conflicts (kind, email, salesforce_id, "
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
        database.changed(Change.CONFLICTS);
        return true;
    }

    /** An open conflict found again takes the latest explanation; one found again unchanged is not written. */
    private static void refresh(Connection connection, NewConflict conflict, List<SameConflict> same)
            throws SQLException {
        String explanation = truncate(conflict.explanation(), 2000);
        List<Long> changed = same.stream()
                .filter(SameConflict::open)
                .filter(open -> !open.seen().explanation().equals(explanation)
                        || !open.seen().statusCode().equals(conflict.statusCode()))
                .map(SameConflict::id)
                .toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE conflicts SET explanation = ?, status_code = ? WHERE id = ?")) {
            for (long id : changed) {
                update.setString(1, explanation);
                update.setString(2, conflict.statusCode().orElse(null));
                update.setLong(3, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Whether recording this conflict now would show the admin something new: it is not open already, and no
     * dismissal of it still holds ({@link Dismissal}). A dry run asks this; {@link #record} decides the same way.
     */
    public boolean wouldBeNew(NewConflict conflict) {
        return database.read(connection -> {
            List<SameConflict> same = same(connection, Identity.of(conflict));
            return openIds(same).isEmpty() && !heldByDismissal(connection, conflict, same);
        });
    }

    /** The last resolution of the same conflict was a dismissal that nothing new has happened since. */
    private static boolean heldByDismissal(Connection connection, NewConflict conflict, List<SameConflict> same)
            throws SQLException {
        Optional<SameConflict> last = same.stream()
                .filter(earlier -> !earlier.open())
                .max(Comparator.comparing(
                                (SameConflict earlier) -> earlier.resolvedAt().orElseThrow())
                        .thenComparingLong(SameConflict::id));
        if (last.isEmpty() || !DISMISS.equals(last.get().resolution())) {
            return false;
        }
        ConflictFacts now = new ConflictFacts(
                lastHistoryId(connection, conflict.email()),
                modstamp(connection, conflict.recordId()),
                conflict.statusCode(),
                truncate(conflict.explanation(), 2000));
        return new Dismissal(conflict.kind(), last.get().seen()).holds(now);
    }

    /** A conflict stored before with the same identity, open or resolved. */
    private record SameConflict(long id, Optional<Instant> resolvedAt, String resolution, ConflictFacts seen) {
        boolean open() {
            return resolvedAt.isEmpty();
        }
    }

    /** Every conflict with this identity, open and resolved: a handful, found through {@code conflicts_by_identity}. */
    private static List<SameConflict> same(Connection connection, Identity identity) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, resolved_at, resolution, "
                + "status_code, explanation, seen_history_id, seen_modstamp FROM conflicts WHERE "
                + identity.where())) {
            identity.bind(select, 1);
            List<SameConflict> same = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    same.add(new SameConflict(
                            rows.getLong("id"),
                            Optional.ofNullable(Database.instant(rows, "resolved_at")),
                            rows.getString("resolution"),
                            new ConflictFacts(
                                    rows.getLong("seen_history_id"),
                                    Optional.ofNullable(Database.instant(rows, "seen_modstamp")),
                                    Optional.ofNullable(rows.getString("status_code")),
                                    rows.getString("explanation"))));
                }
            }
            return same;
        }
    }

    private static List<Long> openIds(List<SameConflict> same) {
        return same.stream().filter(SameConflict::open).map(SameConflict::id).toList();
    }

    /**
     * What makes two conflicts the same. Looked up with "= ?" for a part that is present and "IS NULL" for one that
     * is absent, and never together with "resolved_at IS NULL": PostgreSQL cannot use an index for IS NOT DISTINCT
     * FROM, and H2, offered the open conflicts' index, read every open conflict of the kind for each one recorded
     * until its statistics caught up (ADR 0083).
     */
    record Identity(
            ConflictKind kind,
            Optional<Email> email,
            Optional<SalesforceId> recordId,
            Optional<SObjectType> objectType) {
        static Identity of(NewConflict conflict) {
            return new Identity(conflict.kind(), conflict.email(), conflict.recordId(), conflict.objectType());
        }

        String where() {
            return "kind = ?" + part("email", email) + part("salesforce_id", recordId)
                    + part("object_type", objectType);
        }

        private static String part(String column, Optional<?> value) {
            return " AND " + column + (value.isPresent() ? " = ?" : " IS NULL");
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            int next = first;
            statement.setString(next++, kind.name());
            for (Optional<String> value : List.of(
                    email.map(Email::value), recordId.map(SalesforceId::value), objectType.map(SObjectType::name))) {
                if (value.isPresent()) {
                    statement.setString(next++, value.get());
                }
            }
        }
    }

    private static long lastHistoryId(Connection connection, Optional<Email> email) throws SQLException {
        if (email.isEmpty()) {
            return 0;
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM unsubscribe_history WHERE email = ?")) {
            select.setString(1, email.get().value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Optional<Instant> modstamp(Connection connection, Optional<SalesforceId> record)
            throws SQLException {
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT system_modstamp FROM sf_mirror WHERE id = ?")) {
            select.setString(1, record.get().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(Database.instant(rows, "system_modstamp")) : Optional.empty();
            }
        }
    }

    /** Announces a change of the conflicts when the statement changed any. */
    private int announced(int rowsChanged) {
        if (rowsChanged > 0) {
            database.changed(Change.CONFLICTS);
        }
        return rowsChanged;
    }

    /** Closes the open conflict matching these details, e.g. when a later push succeeded. */
    public int resolveMatching(
            ConflictKind kind,
            Optional<Email> email,
            Optional<SalesforceId> recordId,
            Optional<SObjectType> objectType,
            String resolution,
            String actor,
            Instant now) {
        return database.inTransaction(connection -> {
            List<Long> open = openIds(same(connection, new Identity(kind, email, recordId, objectType)));
            if (open.isEmpty()) {
                return 0;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE conflicts SET resolved_at = ?, "
                    + "resolution = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL")) {
                for (long id : open) {
                    update.setObject(1, Database.utc(now));
                    update.setString(2, resolution);
                    update.setString(3, actor);
                    update.setLong(4, id);
                    update.addBatch();
                }
                return announced(Arrays.stream(update.executeBatch()).sum());
            }
        });
    }

    /**
     * Closes what a push that set these records settles: their open write-rejected conflicts (set after all by a
     * later write), and the open resubscribed-in-Salesforce conflict of each record and its address (re-applied).
     * One transaction with one read of the written records' conflicts, through the records' index, however many
     * records a batch or a Bulk job wrote (one transaction a record cost a run thousands of commits, and as many
     * round trips on PostgreSQL).
     */
    public int resolveWritten(Map<SalesforceId, Optional<Email>> written, String actor, Instant now) {
        if (written.isEmpty()) {
            return 0;
        }
        return database.inTransaction(connection -> {
            Map<String, SalesforceId> byValue = new HashMap<>();
            written.keySet().forEach(id -> byValue.put(id.value(), id));
            Map<Long, String> closing = new LinkedHashMap<>();
            try (PreparedStatement named = connection.prepareStatement(conflictsOfWritten(database.dialect()))) {
                SqlDialect.bindAddresses(connection, named, 1, byValue.keySet().toArray(String[]::new));
                try (ResultSet rows = named.executeQuery()) {
                    while (rows.next()) {
                        SalesforceId record = byValue.get(rows.getString("salesforce_id"));
                        if (record == null || rows.getObject("resolved_at") != null) {
                            continue;
                        }
                        String kind = rows.getString("kind");
                        if (ConflictKind.WRITE_REJECTED.name().equals(kind)) {
                            closing.put(rows.getLong("id"), "written by a later run");
                        } else if (ConflictKind.RESUBSCRIBED_IN_SALESFORCE
                                        .name()
                                        .equals(kind)
                                && Objects.equals(
                                        written.get(record).map(Email::value).orElse(null), rows.getString("email"))
                                && record.objectType().name().equals(rows.getString("object_type"))) {
                            closing.put(rows.getLong("id"), "re-applied");
                        }
                    }
                }
            }
            if (closing.isEmpty()) {
                return 0;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE conflicts SET resolved_at = ?, "
                    + "resolution = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL")) {
                for (Map.Entry<Long, String> conflict : closing.entrySet()) {
                    update.setObject(1, Database.utc(now));
                    update.setString(2, conflict.getValue());
                    update.setString(3, actor);
                    update.setLong(4, conflict.getKey());
                    update.addBatch();
                }
                return announced(Arrays.stream(update.executeBatch()).sum());
            }
        });
    }

    /**
     * Every conflict, open or not, naming one of the written records, {@code written} being the table of their ids
     * (the one parameter). Whether one is open, and its kind, are checked by the caller: either in the statement let
     * H2 read every open conflict of the kinds through the open conflicts' index instead (ADR 0083).
     */
    static String conflictsOfWritten(SqlDialect dialect) {
        return "SELECT c.id, c.kind, c.email, c.salesforce_id, c.object_type, c.resolved_at FROM "
                + dialect.addressTable("written")
                + " JOIN conflicts c ON c.salesforce_id = CAST(written.address AS CHAR(18))";
    }

    /** Closes one conflict by id; false when it was not open. */
    public boolean resolve(long id, String resolution, String actor, Instant now) {
        return resolve(id, resolution, actor, Optional.empty(), now);
    }

    /** Closes one conflict by id with the admin's reason; false when it was not open. */
    public boolean resolve(long id, String resolution, String actor, Optional<String> reason, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conflicts SET resolved_at = ?, "
                    + "resolution = ?, resolved_by = ?, resolution_reason = ?, " + SEEN_NOW
                    + " WHERE id = ? AND resolved_at IS NULL")) {
                update.setObject(1, Database.utc(now));
                update.setString(2, resolution);
                update.setString(3, actor);
                update.setString(4, reason.orElse(null));
                update.setLong(5, id);
                return announced(update.executeUpdate()) == 1;
            }
        });
    }

    /**
     * Opens a resolved conflict again exactly as it was before its resolution (an admin's undo); false when it is
     * not resolved, or when the same conflict was raised again since (it is pending already).
     */
    public boolean reopen(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE conflicts SET resolved_at = NULL, "
                    + "resolution = NULL, resolved_by = NULL, resolution_reason = NULL, seen_history_id = NULL, "
                    + "seen_modstamp = NULL WHERE id = ? AND resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                    + "conflicts o WHERE o.resolved_at IS NULL AND o.kind = conflicts.kind "
                    + "AND o.email IS NOT DISTINCT FROM conflicts.email "
                    + "AND o.salesforce_id IS NOT DISTINCT FROM conflicts.salesforce_id "
                    + "AND o.object_type IS NOT DISTINCT FROM conflicts.object_type)")) {
                update.setLong(1, id);
                return announced(update.executeUpdate()) == 1;
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

    /** Resolved conflicts that are not pending again, the most recently resolved first. */
    public List<Conflict> recentlyResolved(int limit) {
        return database.read(connection -> {
            // A conflict raised again (something new happened) is pending, not resolved: its earlier resolution is
            // left out here, so it never shows in both lists.
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "c WHERE resolved_at IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM conflicts o WHERE o.resolved_at IS NULL AND o.kind = c.kind "
                    + "AND o.email IS NOT DISTINCT FROM c.email AND o.salesforce_id IS NOT DISTINCT FROM c.salesforce_id "
                    + "AND o.object_type IS NOT DISTINCT FROM c.object_type) "
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

    private static List<Conflict> read(PreparedStatement select) throws SQLException {
        List<Conflict> conflicts = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                conflicts.add(new Conflict(
                        rows.getLong("id"),
                        ConflictKind.valueOf(rows.getString("kind")),
                        Optional.ofNullable(rows.getString("email")).map(Email::new),
                        Optional.ofNullable(rows.getString("salesforce_id")).map(SalesforceId::new),
                        Optional.ofNullable(rows.getString("object_type")).map(SObjectType::valueOf),
                        Optional.ofNullable(rows.getString("status_code")),
                        rows.getString("explanation"),
                        Database.instant(rows, "created_at"),
                        Optional.ofNullable(Database.instant(rows, "resolved_at")),
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
