package com.unsubscribesync.store;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.SyncSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The Integrations tab's choices, kept in the database so every process on the data directory sees them. */
public final class SettingsRepository {
    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    public SyncSettings load() {
        Map<String, String> stored = database.read(connection -> {
            Map<String, String> values = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT name, setting_value FROM settings");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
            return values;
        });
        SyncSettings defaults = SyncSettings.defaults();
        return new SyncSettings(
                Boolean.parseBoolean(stored.getOrDefault("nightly-sync", String.valueOf(defaults.nightlySync()))),
                Optional.ofNullable(stored.get("field")).map(OptOutField::parse).orElse(defaults.field()),
                Optional.ofNullable(stored.get("field-api-name")),
                Optional.ofNullable(stored.get("resubscribe-policy")).map(ResubscribePolicy::parse)
                        .orElse(defaults.resubscribePolicy()),
                Boolean.parseBoolean(stored.getOrDefault("match-by-email", String.valueOf(defaults.matchByEmail()))),
                Integer.parseInt(stored.getOrDefault("api-reserve-percent", String.valueOf(defaults.apiReservePercent()))),
                Integer.parseInt(stored.getOrDefault("bulk-threshold", String.valueOf(defaults.bulkThreshold()))));
    }

    public void save(SyncSettings settings) {
        Map<String, String> values = new HashMap<>();
        values.put("nightly-sync", String.valueOf(settings.nightlySync()));
        values.put("field", settings.field().key());
        values.put("resubscribe-policy", settings.resubscribePolicy().key());
        values.put("match-by-email", String.valueOf(settings.matchByEmail()));
        values.put("api-reserve-percent", String.valueOf(settings.apiReservePercent()));
        values.put("bulk-threshold", String.valueOf(settings.bulkThreshold()));
        database.inTransaction(connection -> {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO settings (name, setting_value) KEY (name) VALUES (?, ?)");
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM settings WHERE name = ?")) {
                for (Map.Entry<String, String> entry : values.entrySet()) {
                    merge.setString(1, entry.getKey());
                    merge.setString(2, entry.getValue());
                    merge.addBatch();
                }
                merge.executeBatch();
                if (settings.fieldApiName().isPresent()) {
                    merge.setString(1, "field-api-name");
                    merge.setString(2, settings.fieldApiName().get());
                    merge.executeUpdate();
                } else {
                    delete.setString(1, "field-api-name");
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }
}
