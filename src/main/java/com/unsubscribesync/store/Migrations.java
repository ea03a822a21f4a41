package com.unsubscribesync.store;

import com.unsubscribesync.domain.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Applies the numbered SQL scripts under {@code db/migration} that the database has not seen yet, in order, each
 * once: the schema history keeps each script's checksum, and an applied script that has changed since is refused
 * by name. Whoever migrates holds the {@link MigrationLock}, so processes opening the database together migrate it
 * once (ADR 0045).
 */
final class Migrations {
    /** Every migration, oldest first; a released script is never edited, a new one is added. */
    private static final List<String> SCRIPTS = List.of(
            "V1__initial.sql",
            "V2__conflict_resolution_reason.sql",
            "V3__outbox_without_email_index.sql",
            "V4__longer_history_actions.sql",
            "V5__run_plan_tables.sql",
            CanonicalAddresses.STEP,
            "V7__conflict_dismissals.sql",
            "V8__history_by_action.sql",
            "V9__run_detail.sql",
            "V10__outbox_claims.sql",
            "V11__run_lock_fence.sql",
            "V12__intake_api_keys.sql",
            EmailsInByteOrder.STEP,
            "V14__team_connection.sql",
            "V15__intake_counts.sql",
            IdentitiesInThousands.STEP,
            "V17__history_by_action_in_id_order.sql",
            "V18__conflicts_by_record.sql");

    private static final String CHECKSUM = "checksum";

    /**
     * Runs on an admin's connection (DDL), each migration committed with its line in the schema history.
     *
     * @param lockConnection opens the connection that holds the {@link MigrationLock} meanwhile
     */
    void apply(Connection connection, MigrationLock.Opener lockConnection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (MigrationLock held = MigrationLock.take(lockConnection)) {
            connection.setAutoCommit(false);
            createHistory(connection);
            List<Applied> applied = applied(connection);
            for (Applied migration : applied) {
                if (migration.checksum() == null) {
                    recordChecksum(connection, migration);
                }
            }
            connection.commit();
            for (int i = lastVersion(applied); i < SCRIPTS.size(); i++) {
                applyOne(connection, i);
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Runs one migration and writes its line in the schema history. */
    private static void applyOne(Connection connection, int index) throws SQLException {
        if (SCRIPTS.get(index).equals(CanonicalAddresses.STEP)) {
            CanonicalAddresses.apply(connection);
        } else if (SCRIPTS.get(index).equals(EmailsInByteOrder.STEP)) {
            EmailsInByteOrder.apply(connection);
        } else if (SCRIPTS.get(index).equals(IdentitiesInThousands.STEP)) {
            IdentitiesInThousands.apply(connection);
        } else {
            for (String statement : SqlScript.statements(text(SCRIPTS.get(index)))) {
                try (Statement run = connection.createStatement()) {
                    run.execute(statement);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_version "
                + "(version, script, applied_at, checksum) VALUES (?, ?, CURRENT_TIMESTAMP, ?)")) {
            insert.setInt(1, index + 1);
            insert.setString(2, SCRIPTS.get(index));
            insert.setString(3, checksum(index));
            insert.executeUpdate();
        }
    }

    /**
     * Whether every migration has been applied and its checksum recorded; read with the app's user, who may not
     * apply them.
     *
     * @throws StoreException when an applied script has changed since
     */
    static boolean current(Connection connection) throws SQLException {
        List<Applied> applied = applied(connection);
        return lastVersion(applied) == SCRIPTS.size()
                && applied.stream().allMatch(migration -> migration.checksum() != null);
    }

    /** The version a store's tables are at once every script is applied. */
    static int version() {
        return SCRIPTS.size();
    }

    private static int lastVersion(List<Applied> applied) {
        return applied.isEmpty() ? 0 : applied.get(applied.size() - 1).version();
    }

    private static void createHistory(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            // Data directories from before the checksums: filled in below from the scripts they ran.
            statement.execute("ALTER TABLE schema_version ADD COLUMN IF NOT EXISTS " + CHECKSUM + " VARCHAR(64)");
        }
    }

    /** A line of the schema history; the checksum is missing on a line written before checksums were kept. */
    private record Applied(int version, String checksum) {}

    /** The migrations the database has applied, oldest first, each checked against the script it ran. */
    private static List<Applied> applied(Connection connection) throws SQLException {
        List<Applied> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM schema_version ORDER BY version")) {
            boolean checksums = hasColumn(rows, CHECKSUM);
            while (rows.next()) {
                int version = rows.getInt("version");
                if (version > SCRIPTS.size()) {
                    throw new InvalidInputException("the database was written by a newer version of Unsubscribe "
                            + "Sync (schema " + version + "): install that version or newer");
                }
                Applied migration = new Applied(version, checksums ? rows.getString(CHECKSUM) : null);
                if (migration.checksum() != null && !migration.checksum().equals(checksum(version - 1))) {
                    throw new StoreException("Migration V" + version + " (" + SCRIPTS.get(version - 1) + ") has "
                            + "changed since this database applied it: a released migration must stay as it was, "
                            + "so put it back and add the change as a new one");
                }
                applied.add(migration);
            }
        }
        return applied;
    }

    private static boolean hasColumn(ResultSet rows, String column) throws SQLException {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            if (rows.getMetaData().getColumnLabel(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** A database that applied the scripts before checksums were kept gets those of the scripts as they are now. */
    private static void recordChecksum(Connection connection, Applied migration) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE schema_version SET " + CHECKSUM + " = ? WHERE version = ?")) {
            update.setString(1, checksum(migration.version() - 1));
            update.setInt(2, migration.version());
            update.executeUpdate();
        }
    }

    /** SHA-256 of the script with its line ends made {@code \n}, so that a checkout's line ends do not count. */
    private static String checksum(int index) {
        String script = SCRIPTS.get(index);
        String text = script.endsWith("(Java)") ? script : text(script);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String text(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + script + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Migration " + script + " could not be read", e);
        }
    }
}
