package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The Leads and Contacts as one run sees them: {@code sf_mirror}, which a run's pulls have just updated. A preview
 * must leave the mirror as it was, so what it pulled is kept in a table of its own, laid over the mirror here and
 * dropped with the plan (deleting a million rows one by one took minutes; dropping a table takes no time).
 */
final class SeenMirror {
    private static final int IDS_PER_QUERY = 500;
    private static final String SLICE = " FROM plan_addresses a JOIN %s ON %s.email = a.email WHERE a.plan_id = ? "
            + "AND a.round_number = ? AND a.email BETWEEN ? AND ? AND NOT %s.is_deleted";

    private final Database database;
    private final long planId;
    private final boolean preview;
    private final String pulled;
    private final String notReplaced;

    SeenMirror(Database database, long planId, boolean preview) {
        this.database = database;
        this.planId = planId;
        this.preview = preview;
        this.pulled = table(database, planId);
        this.notReplaced = " AND NOT EXISTS (SELECT 1 FROM " + pulled + " s WHERE s.id = m.id)";
    }

    /**
     * The table of what the preview with this plan id pulled, in the one schema where the app's database user may
     * make and drop tables.
     */
    static String table(Database database, long planId) {
        return database.previewSchema() + ".preview_mirror_" + planId;
    }

    /** Makes the table of what the preview pulls; its columns are those of {@code sf_mirror}. */
    void create() {
        database.inTransaction(connection -> {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + pulled + " (id CHAR(18) PRIMARY KEY, "
                        + "email " + database.dialect().addressType() + ", "
                        + "opted_out BOOLEAN NOT NULL, opted_out_before BOOLEAN NOT NULL, is_converted BOOLEAN NOT NULL, "
                        + "converted_contact_id CHAR(18), is_deleted BOOLEAN NOT NULL, master_record_id CHAR(18))");
                create.execute("CREATE INDEX IF NOT EXISTS "
                        + database.dialect().indexName(pulled, "_by_email") + " ON " + pulled + " (email)");
            }
            return null;
        });
    }

    static void drop(Database database, long planId) {
        database.inTransaction(connection -> {
            try (Statement drop = connection.createStatement()) {
                return drop.executeUpdate("DROP TABLE IF EXISTS " + table(database, planId));
            }
        });
    }

    /** Keeps what a preview pulled beside the mirror, remembering like the mirror does that a record was opted out. */
    void savePulled(Collection<MirrorRepository.Pulled> rows) {
        String merge = database.dialect()
                .upsert(SqlDialect.Upsert.orUpdate(
                        pulled,
                        "t",
                        MirrorRepository.PULLED_ROW,
                        List.of("id"),
                        "id, email, opted_out, opted_out_before, is_converted, converted_contact_id, is_deleted, "
                                + "master_record_id",
                        "n.id, n.email, n.opted_out, n.opted_out OR COALESCE((SELECT m.opted_out_before OR "
                                + "m.opted_out FROM sf_mirror m WHERE m.id = n.id), FALSE), n.is_converted, "
                                + "n.converted_contact_id, n.is_deleted, n.master_record_id",
                        "email = n.email, opted_out = n.opted_out, "
                                + "opted_out_before = (t.opted_out_before OR t.opted_out OR n.opted_out), "
                                + "is_converted = n.is_converted, converted_contact_id = n.converted_contact_id, "
                                + "is_deleted = n.is_deleted, master_record_id = n.master_record_id"));
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(merge)) {
                for (MirrorRepository.Pulled row : rows) {
                    MirrorRepository.bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** Adds the addresses of live records opted out in Salesforce to the plan's first round. */
    void addOptedOutAddresses(Connection connection) throws SQLException {
        String insert = "INSERT INTO plan_addresses (plan_id, email, round_number) SELECT DISTINCT CAST(? AS BIGINT), "
                + "%1$s.email, 1 FROM %2$s WHERE %1$s.opted_out AND NOT %1$s.is_deleted AND %1$s.email IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM plan_addresses a WHERE a.plan_id = ? AND a.email = %1$s.email)%3$s";
        List<String> sources = new ArrayList<>();
        sources.add(String.format(insert, "m", "sf_mirror m", preview ? notReplaced : ""));
        if (preview) {
            sources.add(String.format(insert, "s", pulled + " s", ""));
        }
        for (String sql : sources) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, planId);
                statement.setLong(2, planId);
                statement.executeUpdate();
            }
        }
    }

    /** The live records carrying one of the addresses of a slice: those of one round from first to last. */
    List<MirrorRecord> withAddresses(int round, Email first, Email last) {
        return database.read(connection -> {
            String mirror =
                    "SELECT " + MirrorRepository.recordColumns("m") + String.format(SLICE, "sf_mirror m", "m", "m");
            String sql = preview
                    ? mirror + notReplaced + " UNION ALL SELECT " + MirrorRepository.recordColumns("s")
                            + String.format(SLICE, pulled + " s", "s", "s")
                    : mirror;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = bindSlice(select, 1, round, first, last);
                if (preview) {
                    bindSlice(select, next, round, first, last);
                }
                return MirrorRepository.read(select);
            }
        });
    }

    /** The records with these ids; unknown ids are absent. */
    List<MirrorRecord> withIds(Collection<SalesforceId> ids) {
        List<SalesforceId> all = new ArrayList<>(ids);
        List<MirrorRecord> records = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<SalesforceId> some = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            records.addAll(database.read(connection -> withIds(connection, some)));
        }
        return records;
    }

    private List<MirrorRecord> withIds(Connection connection, List<SalesforceId> ids) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        String sql =
                "SELECT " + MirrorRepository.recordColumns("m") + " FROM sf_mirror m WHERE m.id IN (" + marks + ")";
        if (preview) {
            sql += notReplaced + " UNION ALL SELECT " + MirrorRepository.recordColumns("s") + " FROM " + pulled
                    + " s WHERE s.id IN (" + marks + ")";
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int next = bindIds(select, 1, ids);
            if (preview) {
                bindIds(select, next, ids);
            }
            return MirrorRepository.read(select);
        }
    }

    private int bindSlice(PreparedStatement select, int first, int round, Email from, Email to) throws SQLException {
        select.setLong(first, planId);
        select.setInt(first + 1, round);
        select.setString(first + 2, from.value());
        select.setString(first + 3, to.value());
        return first + 4;
    }

    private static int bindIds(PreparedStatement select, int first, List<SalesforceId> ids) throws SQLException {
        int next = first;
        for (SalesforceId id : ids) {
            select.setString(next++, id.value());
        }
        return next;
    }
}
