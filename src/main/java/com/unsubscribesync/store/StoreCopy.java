package com.unsubscribesync.store;

import com.unsubscribesync.domain.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies one store into another, H2 or PostgreSQL either way: every table's rows in one transaction on the target,
 * read from one snapshot of the source, which is left as it was. Only into an empty store; the counts are checked
 * after the commit. What is left behind, and why, is {@link #NOT_COPIED}.
 */
public final class StoreCopy {
    /** Parents before children (a run before its records). */
    static final List<String> TABLES = List.of(
            "people",
            "unsubscribes",
            "unsubscribe_history",
            "outbox",
            "sf_mirror",
            "sync_runs",
            "sync_run_records",
            "conflicts",
            "settings",
            "run_lock",
            "intake_api_keys",
            "intake_counts");

    /**
     * Tables left behind on purpose: a run's plan lives only as long as its run; the team's Salesforce connection is
     * sealed under the team key, so the admin connects once on the new store (ADR 0065); the migrations' own tables
     * are made by the target's migrations.
     */
    static final List<String> NOT_COPIED = List.of(
            "run_plans",
            "plan_addresses",
            "plan_pushes",
            "plan_conflicts",
            "team_connection",
            "schema_version",
            "schema_lock");

    /** Tables whose ids the target must go on numbering after the copied ones. */
    private static final List<String> NUMBERED = List.of("unsubscribe_history", "outbox", "sync_runs", "conflicts");

    private static final int BATCH = 1_000;

    private StoreCopy() {}

    /**
     * @return the rows copied, by table
     * @throws InvalidInputException when the target holds any row already
     */
    public static Map<String, Long> copy(Database from, Database to) {
        to.read(StoreCopy::refuseNonEmpty);
        Map<String, Long> copied = to.inTransaction(target -> from.read(source -> {
            boolean autoCommit = source.getAutoCommit();
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String table : TABLES) {
                    rows.put(table, copyTable(source, target, table));
                }
                return rows;
            } finally {
                source.rollback();
                source.setAutoCommit(autoCommit);
            }
        }));
        to.read(target -> {
            for (String table : NUMBERED) {
                long next = Jdbc.count(target, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
                try (Statement statement = target.createStatement()) {
                    statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
            for (Map.Entry<String, Long> table : copied.entrySet()) {
                long there = Jdbc.count(target, "SELECT COUNT(*) FROM " + table.getKey());
                if (there != table.getValue()) {
                    throw new StoreException("The copy of " + table.getKey() + " holds " + there + " rows where "
                            + table.getValue() + " were read: check the target store before using it");
                }
            }
            return null;
        });
        return copied;
    }

    private static Void refuseNonEmpty(Connection target) throws SQLException {
        for (String table : TABLES) {
            long rows = Jdbc.count(target, "SELECT COUNT(*) FROM " + table);
            if (rows > 0) {
                throw new InvalidInputException("the target store is not empty (" + table + " holds " + rows
                        + " rows): copy only into a new, empty database");
            }
        }
        return null;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long copied = 0;
        try (Statement select = source.createStatement()) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData columns = rows.getMetaData();
                List<String> names = new ArrayList<>();
                List<Boolean> zoned = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    names.add(columns.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    String type = columns.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                    zoned.add(type.contains("time zone") || type.equals("timestamptz"));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
                try (PreparedStatement write = target.prepareStatement(insert)) {
                    while (rows.next()) {
                        for (int i = 1; i <= names.size(); i++) {
                            write.setObject(
                                    i, zoned.get(i - 1) ? rows.getObject(i, OffsetDateTime.class) : rows.getObject(i));
                        }
                        write.addBatch();
                        if (++copied % BATCH == 0) {
                            write.executeBatch();
                        }
                    }
                    write.executeBatch();
                }
            }
        }
        return copied;
    }
}
