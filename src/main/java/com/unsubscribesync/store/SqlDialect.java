package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the SQL of H2 and PostgreSQL differ, and only there: every repository writes the same statements for both,
 * asking this for the few that differ (ADR 0053). Chosen from the JDBC URL.
 */
enum SqlDialect {
    H2 {
        @Override
        String upsert(Upsert upsert) {
            String on = upsert.keys().stream()
                    .map(key -> upsert.alias() + "." + key + " = n." + key)
                    .collect(Collectors.joining(" AND "));
            return "MERGE INTO " + upsert.target() + " " + upsert.alias() + " USING " + upsert.source() + " ON " + on
                    + upsert.update()
                            .map(set -> " WHEN MATCHED"
                                    + upsert.when().map(when -> " AND " + when).orElse("") + " THEN UPDATE SET " + set)
                            .orElse("")
                    + " WHEN NOT MATCHED THEN INSERT (" + upsert.columns() + ") VALUES (" + upsert.values() + ")";
        }

        @Override
        String deleteAtMost(String table, String where, int rows) {
            return "DELETE FROM " + table + " WHERE " + where + " LIMIT " + rows;
        }

        @Override
        String beyondAscii(String column) {
            return "REGEXP_LIKE(" + column + ", '[^\\x00-\\x7F]')";
        }

        @Override
        String addressType() {
            return "VARCHAR(254)";
        }
    },
    POSTGRESQL {
        @Override
        String upsert(Upsert upsert) {
            return "INSERT INTO " + upsert.target() + " AS " + upsert.alias() + " (" + upsert.columns() + ") SELECT "
                    + upsert.values() + " FROM " + upsert.source() + " ON CONFLICT (" + String.join(", ", upsert.keys())
                    + ") DO "
                    + upsert.update()
                            .map(set -> "UPDATE SET " + excluded(set)
                                    + upsert.when()
                                            .map(when -> " WHERE " + excluded(when))
                                            .orElse(""))
                            .orElse("NOTHING");
        }

        @Override
        String deleteAtMost(String table, String where, int rows) {
            return "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + where + " LIMIT "
                    + rows + ")";
        }

        @Override
        String beyondAscii(String column) {
            // A text value never holds the zero character here.
            return column + " ~ '[^\\x01-\\x7F]'";
        }

        @Override
        String addressType() {
            return "VARCHAR(254) COLLATE \"C\"";
        }
    };

    private static String excluded(String overSource) {
        return SOURCE_COLUMN.matcher(overSource).replaceAll("EXCLUDED.");
    }

    /** A column of the source row {@code n} in an update: PostgreSQL calls the row it could not insert EXCLUDED. */
    private static final Pattern SOURCE_COLUMN = Pattern.compile("\\bn\\.");

    /**
     * H2's and PostgreSQL's deadlock victims and serialization failures, and two writers inserting the same key at
     * once (the loser's "insert if absent" did not see the winner's row): run whole again, each sees the other's work.
     */
    private static final Set<String> RUN_AGAIN = Set.of("40001", "40P01", "23505");

    /**
     * Two first openers making a table, its row or a schema "if not exists" at the same moment: the loser finds them
     * there when it tries again. H2's "table exists"; PostgreSQL's "relation", "type" (a table's row type) and
     * "schema" exist; a unique key of either's catalog; a deadlock.
     */
    private static final Set<String> MADE_AT_ONCE = Set.of("42S01", "42P07", "42710", "42P06", "23505", "40001");

    static boolean madeAtOnce(String sqlState) {
        return sqlState != null && MADE_AT_ONCE.contains(sqlState);
    }

    static SqlDialect of(Connection connection) throws SQLException {
        return of(connection.getMetaData().getURL());
    }

    static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Not a database this app can use: " + jdbcUrl);
    }

    /**
     * Inserts the source row {@code n}, or where the target already has its key, updates that row (or leaves it, when
     * there is no update).
     *
     * @param source  {@code (VALUES (CAST(? AS type), ...)) AS n (column, ...)}
     * @param columns the target's columns the insert fills
     * @param values  what it fills them with, over {@code n}
     * @param update  the matched row's assignments, over the target's alias and {@code n}; {@code n}'s columns must
     *     be ones the insert fills with them unchanged
     * @param when    the condition, over the same, on which a matched row is updated
     */
    record Upsert(
            String target,
            String alias,
            String source,
            List<String> keys,
            String columns,
            String values,
            Optional<String> update,
            Optional<String> when) {
        /** Inserts the row unless its key is there already. */
        static Upsert ifAbsent(String target, String source, List<String> keys, String columns, String values) {
            return new Upsert(target, "t", source, keys, columns, values, Optional.empty(), Optional.empty());
        }

        /** Inserts the row, or updates the one with its key. */
        static Upsert orUpdate(
                String target,
                String alias,
                String source,
                List<String> keys,
                String columns,
                String values,
                String set) {
            return new Upsert(target, alias, source, keys, columns, values, Optional.of(set), Optional.empty());
        }

        Upsert onlyWhen(String condition) {
            return new Upsert(target, alias, source, keys, columns, values, update, Optional.of(condition));
        }
    }

    abstract String upsert(Upsert upsert);

    /** Deletes at most this many rows, so that a large delete commits in bounded steps. */
    abstract String deleteAtMost(String table, String where, int rows);

    /**
     * The name of an index of a table, which H2 may qualify with the table's schema and PostgreSQL may not (its
     * index always lives in its table's schema).
     */
    String indexName(String table, String suffix) {
        return (this == H2 ? table : table.substring(table.indexOf('.') + 1)) + suffix;
    }

    /** A condition true where the column holds a character beyond ASCII. */
    abstract String beyondAscii(String column);

    /** An address column's type: compared in byte order, as H2 and Java compare (ADR 0063). */
    abstract String addressType();

    /**
     * A table of one column {@code address}, named {@code alias}, of the addresses bound to its one parameter with
     * {@link #bindAddresses}: H2's table function, PostgreSQL's {@code UNNEST} of an array.
     */
    String addressTable(String alias) {
        return this == H2
                ? "TABLE(address VARCHAR = ?) " + alias
                : "UNNEST(CAST(? AS VARCHAR[])) AS " + alias + " (address)";
    }

    static void bindAddresses(
            java.sql.Connection connection, java.sql.PreparedStatement statement, int index, String[] addresses)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("VARCHAR", addresses));
    }

    static boolean runAgain(String sqlState) {
        return sqlState != null && RUN_AGAIN.contains(sqlState);
    }
}
