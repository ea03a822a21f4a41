package com.unsubscribesync.store;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.PrintableText;
import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.domain.SyncSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The Integrations tab's choices, kept in the database so every process on the data directory sees them. */
public final class SettingsRepository {
    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    /** The settings as stored; a stored value this version does not understand is refused in a sentence naming it. */
    public SyncSettings load() {
        Stored stored = loadStored();
        stored.requireUnderstood(Set.of());
        return stored.settings();
    }

    /**
     * What is stored, with the default in place of each value this version does not understand (written by hand,
     * or by another version of the app); those are listed in {@code unreadable}, so that they can be replaced.
     */
    public record Stored(SyncSettings settings, Map<String, String> unreadable) {

        /** Refuses, unless each value not understood is among those about to be replaced. */
        public void requireUnderstood(Set<String> replaced) {
            List<String> left = unreadable.keySet().stream()
                    .filter(key -> !replaced.contains(key))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Map<String, String> examples = values(SyncSettings.defaults());
            throw new InvalidInputException("the stored " + (left.size() == 1 ? "setting " : "settings ")
                    + String.join(
                            ", ",
                            left.stream()
                                    .map(key -> key + "='" + shown(unreadable.get(key)) + "'")
                                    .toList())
                    + " cannot be read by this version of the app: set "
                    + (left.size() == 1 ? "it" : "them") + " again, e.g. 'settings set "
                    + String.join(
                            " ",
                            left.stream()
                                    .map(key -> key + "=" + examples.get(key))
                                    .toList()) + "'");
        }

        private static String shown(String value) {
            String printable = PrintableText.of(value);
            return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
        }
    }

    public Stored loadStored() {
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
        Map<String, String> unreadable = new TreeMap<>();
        StoredValues read = new StoredValues(stored, unreadable);
        SyncSettings settings = new SyncSettings(
                read.value("nightly-sync", SettingsRepository::flag, defaults.nightlySync()),
                read.value("field", OptOutField::parse, defaults.field()),
                Optional.ofNullable(stored.get("field-api-name")),
                read.value("resubscribe-policy", ResubscribePolicy::parse, defaults.resubscribePolicy()),
                read.value("match-by-email", SettingsRepository::flag, defaults.matchByEmail()),
                read.value(
                        "api-reserve-percent",
                        value -> Setting.API_RESERVE_PERCENT
                                .apply(defaults, value)
                                .apiReservePercent(),
                        defaults.apiReservePercent()),
                read.value(
                        "bulk-threshold",
                        value -> Setting.BULK_THRESHOLD.apply(defaults, value).bulkThreshold(),
                        defaults.bulkThreshold()),
                read.value(
                        "calls-in-flight",
                        value -> Setting.CALLS_IN_FLIGHT.apply(defaults, value).callsInFlight(),
                        defaults.callsInFlight()),
                read.value(
                        "bulk-query-from",
                        value -> Setting.BULK_QUERY_FROM.apply(defaults, value).bulkQueryFrom(),
                        defaults.bulkQueryFrom()));
        return new Stored(settings, unreadable);
    }

    /** Reads stored values one by one, noting those it cannot read and giving their default instead. */
    private record StoredValues(Map<String, String> stored, Map<String, String> unreadable) {
        <T> T value(String key, Function<String, T> parser, T fallback) {
            String value = stored.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                unreadable.put(key, value);
                return fallback;
            }
        }
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value + " is not true or false");
        };
    }

    /** The stored form of each setting but the field's API name. */
    private static Map<String, String> values(SyncSettings settings) {
        Map<String, String> values = new HashMap<>();
        values.put("nightly-sync", String.valueOf(settings.nightlySync()));
        values.put("field", settings.field().key());
        values.put("resubscribe-policy", settings.resubscribePolicy().key());
        values.put("match-by-email", String.valueOf(settings.matchByEmail()));
        values.put("api-reserve-percent", String.valueOf(settings.apiReservePercent()));
        values.put("bulk-threshold", String.valueOf(settings.bulkThreshold()));
        values.put("calls-in-flight", String.valueOf(settings.callsInFlight()));
        values.put("bulk-query-from", Setting.BULK_QUERY_FROM.valueIn(settings));
        return values;
    }

    public void save(SyncSettings settings) {
        Map<String, String> values = values(settings);
        database.inTransaction(connection -> {
            database.changed(Change.SETTINGS);
            try (PreparedStatement merge = connection.prepareStatement(database.dialect()
                            .upsert(SqlDialect.Upsert.orUpdate(
                                    "settings",
                                    "s",
                                    "(VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)))) AS n (name, setting_value)",
                                    List.of("name"),
                                    "name, setting_value",
                                    "n.name, n.setting_value",
                                    "setting_value = n.setting_value")));
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
