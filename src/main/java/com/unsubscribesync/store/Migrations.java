package com.unsubscribesync.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/** Applies the numbered SQL scripts under {@code db/migration} that the database has not seen yet, in order. */
final class Migrations {
    /** Every migration, oldest first; a released script is never edited, a new one is added. */
    private static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__conflict_resolution_reason.sql",
            "V3__outbox_without_email_index.sql", "V4__longer_history_actions.sql",
            "V5__run_plan_tables.sql", CanonicalAddresses.STEP, "V7__conflict_dismissals.sql",
            "V8__history_by_action.sql", "V9__run_detail.sql");

    /** Runs on an admin's connection (DDL); commits, or rolls every script of this call back. */
    void apply(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = currentVersion(connection);
            for (int i = current; i < SCRIPTS.size(); i++) {
                if (SCRIPTS.get(i).equals(CanonicalAddresses.STEP)) {
                    CanonicalAddresses.apply(connection);
                } else {
                    run(connection, SCRIPTS.get(i));
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, SCRIPTS.get(i));
                    insert.setObject(3, Database.utc(Instant.now()));
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Whether every migration has been applied; read with the app's user, who may not apply them. */
    static boolean current(Connection connection) throws SQLException {
        return currentVersion(connection) == SCRIPTS.size();
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            int version = rows.getInt(1);
            if (version > SCRIPTS.size()) {
                throw new com.unsubscribesync.domain.InvalidInputException("the database was written by a newer "
                        + "version of Unsubscribe Sync (schema " + version + "): install that version or newer");
            }
            return version;
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new SQLException("Migration " + script + " is missing from the application");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Migration " + script + " could not be read", e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String command : withoutComments(sql).split(";")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        }
    }

    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            int dash = line.indexOf("--");
            out.append(dash >= 0 ? line.substring(0, dash) : line).append('\n');
        }
        return out.toString();
    }
}
