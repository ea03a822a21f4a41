package com.unsubscribesync.store;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of one run or preview, kept in the database so that memory does not grow with the org: the addresses
 * it decides about, read a slice at a time, and what it decided, read back a page at a time. Closing it deletes
 * it; a preview leaves nothing behind.
 */
public final class RunPlan implements AutoCloseable {
    private static final int DELETE_BATCH = 10_000;
    private static final List<String> TABLES = List.of("plan_addresses", "plan_pushes", "plan_conflicts");
    private static final String IN_SLICE = " FROM plan_addresses a JOIN %s ON %s.email = a.email WHERE a.plan_id = ? "
            + "AND a.round_number = ? AND a.email BETWEEN ? AND ?";
    /** An unsubscribed address {@code u.email} whose records and links all carry the opt-out already. */
    private static final String SETTLED = "EXISTS (SELECT 1 FROM sf_mirror m WHERE m.email = u.email "
            + "AND NOT m.is_deleted) "
            + "AND NOT EXISTS (SELECT 1 FROM sf_mirror m WHERE m.email = u.email AND NOT m.is_deleted "
            + "AND (NOT m.opted_out OR m.is_converted)) "
            + "AND NOT EXISTS (SELECT 1 FROM people p WHERE p.email = u.email AND p.salesforce_id IS NOT NULL "
            + "AND NOT EXISTS (SELECT 1 FROM sf_mirror l WHERE l.id = p.salesforce_id AND NOT l.is_deleted "
            + "AND l.opted_out AND NOT l.is_converted))";
    /** A run's first round: unsubscribed addresses not settled, and those opted out in Salesforce only. */
    private static final String RUN_SEED = "INSERT INTO plan_addresses (plan_id, email, round_number) "
            + "SELECT CAST(? AS BIGINT), s.email, 1 FROM ("
            + "SELECT u.email FROM unsubscribes u WHERE NOT (" + SETTLED + ") "
            + "UNION ALL SELECT DISTINCT m.email FROM sf_mirror m WHERE m.opted_out AND NOT m.is_deleted "
            + "AND m.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unsubscribes u WHERE u.email = m.email)) s";

    private final Database database;
    private final long id;
    private final boolean preview;
    private final int page;
    private final SeenMirror mirror;

    RunPlan(Database database, long id, boolean preview, int page) {
        this.database = database;
        this.id = id;
        this.preview = preview;
        this.page = page;
        this.mirror = new SeenMirror(database, id, preview);
    }

    public boolean preview() {
        return preview;
    }

    /** Tells later runs that this plan's run is still going. */
    public void renew(Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE run_plans SET lease_until = ? WHERE id = ?")) {
                update.setObject(1, Database.utc(now.plus(RunPlanRepository.LEASE)));
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    /** Makes room for what a preview pulls. */
    void keepPulledApart() {
        mirror.create();
    }

    /** Keeps rows a preview pulled; a real run saves them in the mirror instead. */
    public void savePulled(Collection<MirrorRepository.Pulled> rows) {
        if (!preview) {
            throw new IllegalStateException(
                    "A run saves what it pulls in the mirror; only a preview keeps it in its plan");
        }
        if (!rows.isEmpty()) {
            mirror.savePulled(rows);
        }
    }

    /**
     * Starts the plan with every address unsubscribed here or carried by a live record opted out in Salesforce.
     *
     * <p>A run's plan leaves out the addresses that are settled: unsubscribed here, carried by at least one live
     * record, every live record with the address opted out and not a converted lead, and every Salesforce ID its
     * people carry naming such a record. The rule decides nothing for such an address, whatever the settings and
     * whichever fields cannot be used: nothing to push, nothing to import, nothing to raise, and no record it reaches
     * without the opt-out. An idle night's plan then holds only what may still need work (ADR 0087). A preview keeps
     * every address, since what it pulls is not in the mirror.
     *
     * @return how many addresses that is
     */
    public long seedAddresses() {
        return database.inTransaction(connection -> {
            if (preview) {
                try (PreparedStatement unsubscribed = connection.prepareStatement("INSERT INTO plan_addresses "
                        + "(plan_id, email, round_number) SELECT CAST(? AS BIGINT), email, 1 FROM unsubscribes")) {
                    unsubscribed.setLong(1, id);
                    unsubscribed.executeUpdate();
                }
                mirror.addOptedOutAddresses(connection);
            } else {
                // One statement, so that an unsubscribe committed meanwhile is judged on one reading of the store.
                try (PreparedStatement seed = connection.prepareStatement(RUN_SEED)) {
                    seed.setLong(1, id);
                    seed.executeUpdate();
                }
            }
            return count(connection, "SELECT COUNT(*) FROM plan_addresses WHERE plan_id = ?");
        });
    }

    /** The next addresses of a round in address order, after the one given. */
    public List<Email> addresses(int round, Optional<Email> after, int limit) {
        return list(
                "SELECT email FROM plan_addresses WHERE plan_id = ? AND round_number = ? AND email > ? "
                        + "ORDER BY email LIMIT ?",
                select -> {
                    select.setLong(1, id);
                    select.setInt(2, round);
                    select.setString(3, after.map(Email::value).orElse(""));
                    select.setInt(4, limit);
                },
                rows -> new Email(rows.getString(1)));
    }

    /** What the store knows about the addresses of one round from {@code first} to {@code last}. */
    public PlanSlice slice(int round, Email first, Email last) {
        Binder range = select -> {
            select.setLong(1, id);
            select.setInt(2, round);
            select.setString(3, first.value());
            select.setString(4, last.value());
        };
        Set<Email> unsubscribed = new HashSet<>(list(
                "SELECT a.email" + String.format(IN_SLICE, "unsubscribes u", "u"),
                range,
                rows -> new Email(rows.getString(1))));
        Map<Email, Set<SalesforceId>> linked = new HashMap<>();
        for (Map.Entry<Email, SalesforceId> link : list(
                "SELECT a.email, p.salesforce_id" + String.format(IN_SLICE, "people p", "p")
                        + " AND p.salesforce_id IS NOT NULL",
                range,
                rows -> Map.entry(new Email(rows.getString(1)), new SalesforceId(rows.getString(2))))) {
            linked.computeIfAbsent(link.getKey(), e -> new HashSet<>()).add(link.getValue());
        }
        return new PlanSlice(unsubscribed, linked, mirror.withAddresses(round, first, last));
    }

    /** Records by id, as this run sees them (merged-away and deleted ones included); unknown ids are absent. */
    public List<MirrorRecord> records(Collection<SalesforceId> ids) {
        return ids.isEmpty() ? List.of() : mirror.withIds(ids);
    }

    /** Adds addresses to a later round, unless the plan already has them. */
    public void reach(Collection<Email> addresses, int round) {
        batch(
                database.dialect()
                        .upsert(SqlDialect.Upsert.ifAbsent(
                                "plan_addresses",
                                "(VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(254)))) AS n (plan_id, email)",
                                List.of("plan_id", "email"),
                                "plan_id, email, round_number",
                                "n.plan_id, n.email, " + round)),
                addresses,
                (merge, email) -> {
                    merge.setLong(1, id);
                    merge.setString(2, email.value());
                });
    }

    /** Marks addresses that become local unsubscribes. */
    public void markImported(Collection<Email> addresses) {
        batch(
                "UPDATE plan_addresses SET imported = TRUE WHERE plan_id = ? AND email = ?",
                addresses,
                (update, email) -> {
                    update.setLong(1, id);
                    update.setString(2, email.value());
                });
    }

    public void addPushes(Collection<PlannedPush> pushes) {
        batch(
                database.dialect()
                        .upsert(SqlDialect.Upsert.ifAbsent(
                                "plan_pushes",
                                "(VALUES (CAST(? AS BIGINT), CAST(? AS CHAR(18)), CAST(? AS VARCHAR(16)), "
                                        + "CAST(? AS VARCHAR(254)), CAST(? AS BOOLEAN))) "
                                        + "AS n (plan_id, id, object_type, email, unchecked)",
                                List.of("plan_id", "id"),
                                "plan_id, id, object_type, email, unchecked",
                                "n.plan_id, n.id, n.object_type, n.email, n.unchecked")),
                pushes,
                (merge, push) -> {
                    merge.setLong(1, id);
                    merge.setString(2, push.id().value());
                    merge.setString(3, push.id().objectType().name());
                    merge.setString(4, push.email().map(Email::value).orElse(null));
                    merge.setBoolean(5, push.unchecked());
                });
    }

    /**
     * Adds conflicts, each once. A record held under the hold policy is one conflict, named after the first address
     * (in address order) that reached it, whichever slice found it first.
     */
    public void addConflicts(Collection<PlannedConflict> conflicts) {
        batch(
                database.dialect()
                        .upsert(SqlDialect.Upsert.orUpdate(
                                        "plan_conflicts",
                                        "t",
                                        "(VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(40)), "
                                                + "CAST(? AS VARCHAR(254)), CAST(? AS CHAR(18)), CAST(? AS VARCHAR(16)), "
                                                + "CAST(? AS VARCHAR(2000)))) AS n (plan_id, conflict_key, kind, email, "
                                                + "salesforce_id, object_type, explanation)",
                                        List.of("plan_id", "conflict_key"),
                                        "plan_id, conflict_key, kind, email, salesforce_id, object_type, explanation",
                                        "n.plan_id, n.conflict_key, n.kind, n.email, n.salesforce_id, n.object_type, "
                                                + "n.explanation",
                                        "email = n.email, explanation = n.explanation")
                                .onlyWhen("n.email < t.email")),
                conflicts,
                (merge, conflict) -> {
                    merge.setLong(1, id);
                    merge.setString(2, key(conflict));
                    merge.setString(3, conflict.kind().name());
                    merge.setString(4, conflict.email().map(Email::value).orElse(null));
                    merge.setString(
                            5, conflict.recordId().map(SalesforceId::value).orElse(null));
                    merge.setString(
                            6, conflict.objectType().map(SObjectType::name).orElse(null));
                    String explanation = conflict.explanation();
                    merge.setString(7, explanation.length() > 2000 ? explanation.substring(0, 2000) : explanation);
                });
    }

    /** How many records of each object the plan opts out, objects without any left out. */
    public Map<SObjectType, Long> pushCounts() {
        Map<SObjectType, Long> counts = new EnumMap<>(SObjectType.class);
        list(
                        "SELECT object_type, COUNT(*) FROM plan_pushes WHERE plan_id = ? GROUP BY object_type",
                        select -> select.setLong(1, id),
                        rows -> Map.entry(SObjectType.valueOf(rows.getString(1)), rows.getLong(2)))
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    public long importCount() {
        return database.read(
                connection -> count(connection, "SELECT COUNT(*) FROM plan_addresses WHERE plan_id = ? AND imported"));
    }

    public long conflictCount() {
        return database.read(connection -> count(connection, "SELECT COUNT(*) FROM plan_conflicts WHERE plan_id = ?"));
    }

    /** The records of one object to opt out, in id order, read a page at a time. */
    public Iterator<PlannedPush> pushes(SObjectType type) {
        return new KeysetPages<>(after -> list(
                "SELECT id, email, unchecked FROM plan_pushes WHERE plan_id = ? "
                        + "AND object_type = ? AND id > ? ORDER BY id LIMIT ?",
                select -> {
                    select.setLong(1, id);
                    select.setString(2, type.name());
                    select.setString(3, after.map(push -> push.id().value()).orElse(""));
                    select.setInt(4, page);
                },
                rows -> new PlannedPush(
                        new SalesforceId(rows.getString(1)),
                        Optional.ofNullable(rows.getString(2)).map(Email::new),
                        rows.getBoolean(3))));
    }

    /** The addresses to import as local unsubscribes, in address order, read a page at a time. */
    public Iterator<Email> imports() {
        return new KeysetPages<>(after -> list(
                "SELECT email FROM plan_addresses WHERE plan_id = ? AND imported "
                        + "AND email > ? ORDER BY email LIMIT ?",
                select -> {
                    select.setLong(1, id);
                    select.setString(2, after.map(Email::value).orElse(""));
                    select.setInt(3, page);
                },
                rows -> new Email(rows.getString(1))));
    }

    /** The conflicts the plan raises, read a page at a time. */
    public Iterator<PlannedConflict> conflicts() {
        return new KeysetPages<>(after -> list(
                "SELECT kind, email, salesforce_id, object_type, explanation "
                        + "FROM plan_conflicts WHERE plan_id = ? AND conflict_key > ? ORDER BY conflict_key LIMIT ?",
                select -> {
                    select.setLong(1, id);
                    select.setString(2, after.map(RunPlan::key).orElse(""));
                    select.setInt(3, page);
                },
                rows -> new PlannedConflict(
                        ConflictKind.valueOf(rows.getString(1)),
                        Optional.ofNullable(rows.getString(2)).map(Email::new),
                        Optional.ofNullable(rows.getString(3)).map(SalesforceId::new),
                        Optional.ofNullable(rows.getString(4)).map(SObjectType::valueOf),
                        rows.getString(5))));
    }

    /** Deletes the plan. */
    @Override
    public void close() {
        clear(database, id);
    }

    static void clear(Database database, long id) {
        SeenMirror.drop(database, id);
        for (String table : TABLES) {
            int deleted;
            do {
                deleted = database.inTransaction(connection -> {
                    try (PreparedStatement delete = connection.prepareStatement(
                            database.dialect().deleteAtMost(table, "plan_id = ?", DELETE_BATCH))) {
                        delete.setLong(1, id);
                        return delete.executeUpdate();
                    }
                });
            } while (deleted == DELETE_BATCH);
        }
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run_plans WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate();
            }
        });
    }

    /** Two conflicts with the same key are one; a held record is one conflict whatever address reached it. */
    private static String key(PlannedConflict conflict) {
        boolean perRecord = conflict.kind() == ConflictKind.RESUBSCRIBED_IN_SALESFORCE
                && conflict.recordId().isPresent();
        return conflict.kind().name() + "|"
                + (perRecord ? "" : conflict.email().map(Email::value).orElse("")) + "|"
                + conflict.recordId().map(SalesforceId::value).orElse("") + "|"
                + conflict.objectType().map(SObjectType::name).orElse("");
    }

    private long count(java.sql.Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private <T> List<T> list(String sql, Binder binder, Row<T> row) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                binder.bind(select);
                List<T> result = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        result.add(row.read(rows));
                    }
                }
                return result;
            }
        });
    }

    private <T> void batch(String sql, Collection<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(statement, item);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
