package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * A lease in the database that makes sure only one nightly run happens at a time, also across processes on the
 * same data directory. A holder that dies stops renewing, and the lease lapses.
 */
public final class RunLock {
    private final Database database;
    private final String name;

    public RunLock(Database database, String name) {
        this.database = database;
        this.name = name;
    }

    /** Takes the lease when it is free, lapsed, or already ours. */
    public boolean tryAcquire(String holder, Duration lease, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT holder, lease_until FROM run_lock WHERE name = ? FOR UPDATE")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO run_lock (name, holder, lease_until) VALUES (?, ?, ?)")) {
                            insert.setString(1, name);
                            insert.setString(2, holder);
                            insert.setObject(3, Database.utc(now.plus(lease)));
                            insert.executeUpdate();
                        }
                        return true;
                    }
                    boolean ours = rows.getString("holder").equals(holder);
                    boolean lapsed = !Database.instant(rows, "lease_until").isAfter(now);
                    if (!ours && !lapsed) {
                        return false;
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE run_lock SET holder = ?, lease_until = ? WHERE name = ?")) {
                update.setString(1, holder);
                update.setObject(2, Database.utc(now.plus(lease)));
                update.setString(3, name);
                update.executeUpdate();
            }
            return true;
        });
    }

    public void release(String holder) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM run_lock WHERE name = ? AND holder = ?")) {
                delete.setString(1, name);
                delete.setString(2, holder);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
