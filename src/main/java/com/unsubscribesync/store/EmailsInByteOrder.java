package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration in Java, since only PostgreSQL has it to do: every address column compares in byte order
 * ({@code COLLATE "C"}), as H2 and Java's {@code String.compareTo} do. In a database made with a language's
 * collation ({@code en_US.UTF-8}, even {@code C.UTF-8}) an address prefix search cannot use the email index, so a
 * search on a million unsubscribes read them all (ADR 0063), and the keyset pages and plan slices cut by address,
 * computed in one order, were read back in another. Preview tables made later get the same collation from
 * {@link SqlDialect#addressType()}.
 */
final class EmailsInByteOrder {
    static final String STEP = "V13__emails_in_byte_order (Java)";

    private EmailsInByteOrder() {}

    static void apply(Connection connection) throws SQLException {
        if (SqlDialect.of(connection) != SqlDialect.POSTGRESQL) {
            return;
        }
        List<String> alterations = new ArrayList<>();
        try (PreparedStatement columns = connection.prepareStatement("SELECT table_schema, table_name, column_name, "
                + "character_maximum_length FROM information_schema.columns WHERE column_name LIKE '%email%' "
                + "AND data_type = 'character varying' AND (collation_name IS NULL OR collation_name <> 'C') "
                + "AND (table_schema = current_schema() OR table_name LIKE 'preview\\_mirror\\_%') "
                + "ORDER BY table_schema, table_name, column_name")) {
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    alterations.add("ALTER TABLE " + quoted(rows.getString(1)) + "." + quoted(rows.getString(2))
                            + " ALTER COLUMN " + quoted(rows.getString(3)) + " TYPE VARCHAR(" + rows.getInt(4)
                            + ") COLLATE \"C\"");
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
