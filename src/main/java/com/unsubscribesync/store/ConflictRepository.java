package com.unsubscribesync.store;

import com.unsubscribesync.domain.ConflictKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Map;

/** Pending conflicts an admin should inspect. */
public final class ConflictRepository {
    private final Database database;

    public ConflictRepository(Database database) {
        this.database = database;
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
}
