package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration in Java, since only H2 has it to do: every identity column takes its numbers a thousand at a time.
 * H2 hands out 32 before it writes the sequence's new high mark, and writing it stores every page changed in the
 * database file at that moment (a commit of its own): a burst of 10 000 clicks, two numbered rows each, spent half
 * its writers' time in those stores. A process that dies skips the rest of its thousand; the numbers only order
 * rows, so a gap costs nothing. PostgreSQL's sequences cost no such write.
 */
final class IdentitiesInThousands {
    static final String STEP = "V16__identities_in_thousands (Java)";
    static final int CACHE = 1_000;

    private IdentitiesInThousands() {}

    static void apply(Connection connection) throws SQLException {
        if (SqlDialect.of(connection) != SqlDialect.H2) {
            return;
        }
        List<String> alterations = new ArrayList<>();
        try (PreparedStatement columns = connection.prepareStatement("SELECT table_name, column_name "
                + "FROM information_schema.columns WHERE is_identity = 'YES' AND table_schema = current_schema() "
                + "ORDER BY table_name, column_name")) {
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    alterations.add("ALTER TABLE " + quoted(rows.getString(1)) + " ALTER COLUMN "
                            + quoted(rows.getString(2)) + " SET CACHE " + CACHE);
                }
            }
        }
        try (Statement alter = connection.createStatement()) {
            for (String alteration : alterations) {
                alter.execute(alteration);
            }
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
