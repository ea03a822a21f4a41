package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/**
 * The team's one saved Salesforce connection (ADR 0065), as the sealed text the nodes open with the team key: this
 * class never sees the key nor what the text holds. A save replaces the row in one transaction, so a reader sees
 * the old text or the new one, never part of either; of two saves at once, the last one wins.
 */
public final class TeamConnectionRepository {
    private final Database database;
    private final Clock clock;

    public TeamConnectionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<String> sealed() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sealed FROM team_connection");
                    ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public void save(String sealed) {
        database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE team_connection SET sealed = ?, saved_at = ? WHERE id = 1")) {
                update.setString(1, sealed);
                update.setObject(2, Database.utc(clock.instant()));
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            // A save racing this one inserts first: the transaction runs again and updates its row.
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO team_connection (id, sealed, saved_at) VALUES (1, ?, ?)")) {
                insert.setString(1, sealed);
                insert.setObject(2, Database.utc(clock.instant()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** @return whether there was a connection to delete */
    public boolean delete() {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM team_connection")) {
                return delete.executeUpdate() > 0;
            }
        });
    }
}
