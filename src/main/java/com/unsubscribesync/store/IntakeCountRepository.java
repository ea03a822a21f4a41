package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The intake's counts of refused requests and failed commits: each node writes its own totals for a day, and a
 * day's counts are the sum over every node on the store (team mode).
 */
public final class IntakeCountRepository {
    private final Database database;

    public IntakeCountRepository(Database database) {
        this.database = database;
    }

    /**
     * Sets this node's totals for the day (what it counted so far, not what it counted since the last save), so a
     * save that failed is made good by the next one. Only the node writes its rows, so update-else-insert holds.
     */
    public void save(String node, LocalDate day, Map<String, Long> totals) {
        database.inTransaction(connection -> {
            database.changed(Change.INTAKE);
            try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE intake_counts SET total = ? WHERE on_day = ? AND node_id = ? AND kind = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO intake_counts (on_day, node_id, kind, total) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Long> total : totals.entrySet()) {
                    update.setLong(1, total.getValue());
                    update.setObject(2, day);
                    update.setString(3, node);
                    update.setString(4, total.getKey());
                    if (update.executeUpdate() == 0) {
                        insert.setObject(1, day);
                        insert.setString(2, node);
                        insert.setString(3, total.getKey());
                        insert.setLong(4, total.getValue());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Every node's totals of the day added up, by kind; a kind nobody counted is missing. */
    public Map<String, Long> on(LocalDate day) {
        return database.read(connection -> {
            Map<String, Long> totals = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, SUM(total) AS total FROM intake_counts WHERE on_day = ? GROUP BY kind")) {
                select.setObject(1, day);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        totals.put(rows.getString("kind"), rows.getLong("total"));
                    }
                }
            }
            return totals;
        });
    }
}
