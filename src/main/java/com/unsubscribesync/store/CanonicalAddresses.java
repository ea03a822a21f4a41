package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A migration in Java, since SQL cannot spell a domain in xn-- form: addresses stored before an address had one
 * canonical form (ADR 0012, "Update (issue 15)") are given it, so that {@code İnfo@…} stored as {@code i̇nfo@…} and
 * {@code bob@münchen.de} meet the records Salesforce now reads as {@code info@…} and {@code bob@xn--mnchen-3ya.de}.
 * Only addresses with a character beyond ASCII can change. Where both forms were stored, the two become one: the
 * earlier unsubscribe is kept, both histories are kept, a person keeps the names and Salesforce id either had.
 * Addresses the app now refuses (an invisible character) are left as they were: they still load and list.
 */
final class CanonicalAddresses {
    static final String STEP = "V6__canonical_addresses (Java)";
    private static final List<String> TABLES = List.of(
            "people",
            "unsubscribes",
            "unsubscribe_history",
            "outbox",
            "sf_mirror",
            "conflicts",
            "plan_addresses",
            "plan_pushes",
            "plan_conflicts");
    private static final List<String> FOLLOWING =
            List.of("unsubscribe_history", "outbox", "sf_mirror", "conflicts", "plan_pushes", "plan_conflicts");

    private CanonicalAddresses() {}

    static void apply(Connection connection) throws SQLException {
        for (String stored : beyondAscii(connection)) {
            Optional<String> canonical = canonical(stored);
            if (canonical.isPresent() && !canonical.get().equals(stored)) {
                rekey(connection, stored, canonical.get());
            }
        }
    }

    private static TreeSet<String> beyondAscii(Connection connection) throws SQLException {
        TreeSet<String> found = new TreeSet<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT DISTINCT email FROM " + table + " WHERE "
                        + SqlDialect.of(connection).beyondAscii("email"))) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    private static Optional<String> canonical(String stored) {
        try {
            return Optional.of(Email.parse(stored).value());
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static void rekey(Connection connection, String from, String to) throws SQLException {
        Optional<OffsetDateTime> kept = at(connection, to);
        Optional<OffsetDateTime> moving = at(connection, from);
        if (kept.isPresent() && moving.isPresent()) {
            // One person, two rows: the earlier unsubscribe stands, as a second add would have left it.
            boolean movingIsEarlier = moving.get().isBefore(kept.get());
            update(connection, "DELETE FROM unsubscribes WHERE email = ?", movingIsEarlier ? to : from);
        }
        update(connection, "UPDATE unsubscribes SET email = ? WHERE email = ?", to, from);
        if (exists(connection, "people", to) && exists(connection, "people", from)) {
            update(
                    connection,
                    "UPDATE people p SET first_name = COALESCE(p.first_name, (SELECT q.first_name FROM people q "
                            + "WHERE q.email = ?)), last_name = COALESCE(p.last_name, (SELECT q.last_name FROM people q "
                            + "WHERE q.email = ?)), salesforce_id = COALESCE(p.salesforce_id, (SELECT q.salesforce_id FROM "
                            + "people q WHERE q.email = ?)) WHERE p.email = ?",
                    from,
                    from,
                    from,
                    to);
            update(connection, "DELETE FROM people WHERE email = ?", from);
        }
        update(connection, "UPDATE people SET email = ? WHERE email = ?", to, from);
        update(
                connection,
                "DELETE FROM plan_addresses p WHERE p.email = ? AND EXISTS (SELECT 1 FROM plan_addresses q "
                        + "WHERE q.plan_id = p.plan_id AND q.email = ?)",
                from,
                to);
        update(connection, "UPDATE plan_addresses SET email = ? WHERE email = ?", to, from);
        for (String table : FOLLOWING) {
            update(connection, "UPDATE " + table + " SET email = ? WHERE email = ?", to, from);
        }
    }

    private static Optional<OffsetDateTime> at(Connection connection, String email) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT unsubscribed_at FROM unsubscribes WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection connection, String table, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
