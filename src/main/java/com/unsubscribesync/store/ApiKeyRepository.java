package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The intake's API keys (ADR 0061): hashed secrets, revocation and how much each key is used. */
public final class ApiKeyRepository {
    private static final String COLUMNS =
            "SELECT name, key_id, secret_sha256, created_at, revoked_at, last_used_at, uses FROM intake_api_keys ";

    private final Database database;

    public ApiKeyRepository(Database database) {
        this.database = database;
    }

    /** @return false when a key of that name exists already, revoked or not (nothing is written then) */
    public boolean add(StoredApiKey key) {
        return database.inTransaction(connection -> {
            database.changed(Change.SETTINGS);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO intake_api_keys "
                    + "(name, key_id, secret_sha256, created_at, uses) SELECT ?, ?, ?, ?, 0 "
                    + "WHERE NOT EXISTS (SELECT 1 FROM intake_api_keys WHERE name = ?)")) {
                insert.setString(1, key.name());
                insert.setString(2, key.keyId());
                insert.setString(3, key.secretSha256());
                insert.setObject(4, Database.utc(key.created()));
                insert.setString(5, key.name());
                return insert.executeUpdate() == 1;
            }
        });
    }

    public Optional<StoredApiKey> byKeyId(String keyId) {
        return one("WHERE key_id = ?", keyId);
    }

    public Optional<StoredApiKey> byName(String name) {
        return one("WHERE name = ?", name);
    }

    /** @return false when there is no such key or it was revoked already */
    public boolean revoke(String name, Instant at) {
        return database.inTransaction(connection -> {
            database.changed(Change.SETTINGS);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE intake_api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
                update.setObject(1, Database.utc(at));
                update.setString(2, name);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Counts one use; two requests at once each count, as the update adds to what the row holds. */
    public void recordUse(String keyId, Instant at) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE intake_api_keys SET uses = uses + 1, last_used_at = ? WHERE key_id = ?")) {
                update.setObject(1, Database.utc(at));
                update.setString(2, keyId);
                return update.executeUpdate();
            }
        });
    }

    /** Every key, revoked ones too, by name. */
    public List<StoredApiKey> list() {
        return database.read(connection -> {
            List<StoredApiKey> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(key(rows));
                }
            }
            return keys;
        });
    }

    private Optional<StoredApiKey> one(String where, String value) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + where)) {
                select.setString(1, value);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(key(rows)) : Optional.<StoredApiKey>empty();
                }
            }
        });
    }

    private static StoredApiKey key(ResultSet rows) throws SQLException {
        return new StoredApiKey(
                rows.getString("name"),
                rows.getString("key_id"),
                rows.getString("secret_sha256"),
                Database.instant(rows, "created_at"),
                Optional.ofNullable(Database.instant(rows, "revoked_at")),
                Optional.ofNullable(Database.instant(rows, "last_used_at")),
                rows.getLong("uses"));
    }
}
