package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Local person records. Saving a person again fills in what the new row knows and keeps the rest. */
public final class PeopleRepository {
    private static final String PERSON = "(VALUES (CAST(? AS VARCHAR(254)), CAST(? AS VARCHAR(200)), "
            + "CAST(? AS VARCHAR(200)), CAST(? AS CHAR(18)), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "AS n (email, first_name, last_name, salesforce_id, updated_at)";
    private static final String COLUMNS = "email, first_name, last_name, salesforce_id, updated_at";
    private static final String VALUES = "n.email, n.first_name, n.last_name, n.salesforce_id, n.updated_at";

    private final Database database;
    private final Clock clock;
    private final String merge;
    private final String replace;

    /** @param clock stamps when a person was last saved */
    public PeopleRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.merge = upsert(
                database,
                "first_name = COALESCE(n.first_name, p.first_name), last_name = COALESCE(n.last_name, p.last_name), "
                        + "salesforce_id = COALESCE(n.salesforce_id, p.salesforce_id), updated_at = n.updated_at");
        this.replace = upsert(
                database,
                "first_name = n.first_name, last_name = n.last_name, salesforce_id = n.salesforce_id, "
                        + "updated_at = n.updated_at");
    }

    private static String upsert(Database database, String set) {
        return database.dialect()
                .upsert(SqlDialect.Upsert.orUpdate("people", "p", PERSON, List.of("email"), COLUMNS, VALUES, set));
    }

    public void save(Person person) {
        saveAll(List.of(person).iterator());
    }

    /**
     * Saves many people a batch at a time, each batch in one transaction; saving a person again changes nothing
     * it already knew, so an import stopped part-way ({@link PartlySavedException}) can simply be run again.
     *
     * @return how many people were saved
     */
    public long saveAll(Iterator<Person> people) {
        return Batches.write(database, people, "people saved", this::writeBatch);
    }

    private long writeBatch(Connection connection, List<Person> batch) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(this.merge)) {
            Instant now = clock.instant();
            for (Person person : batch) {
                merge.setString(1, person.email().value());
                merge.setString(2, person.firstName().orElse(null));
                merge.setString(3, person.lastName().orElse(null));
                merge.setString(
                        4, person.salesforceId().map(SalesforceId::value).orElse(null));
                merge.setObject(5, Database.utc(now));
                merge.addBatch();
            }
            merge.executeBatch();
        }
        return batch.size();
    }

    /** Saves a person replacing the Salesforce id (an admin's link or re-link), keeping the names given. */
    public void saveLink(Person person) {
        database.inTransaction(connection -> {
            try (PreparedStatement merge = connection.prepareStatement(replace)) {
                merge.setString(1, person.email().value());
                merge.setString(2, person.firstName().orElse(null));
                merge.setString(3, person.lastName().orElse(null));
                merge.setString(
                        4, person.salesforceId().map(SalesforceId::value).orElse(null));
                merge.setObject(5, Database.utc(clock.instant()));
                merge.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Person> find(Email email) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT first_name, last_name, salesforce_id FROM people WHERE email = ?")) {
                select.setString(1, email.value());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    String id = rows.getString("salesforce_id");
                    return Optional.of(new Person(
                            email,
                            Optional.ofNullable(rows.getString("first_name")),
                            Optional.ofNullable(rows.getString("last_name")),
                            id == null ? Optional.empty() : Optional.of(new SalesforceId(id))));
                }
            }
        });
    }

    /** The Salesforce ids people with these addresses carry. */
    public java.util.Map<Email, java.util.Set<SalesforceId>> salesforceIds(java.util.Collection<Email> emails) {
        java.util.Map<Email, java.util.Set<SalesforceId>> ids = new java.util.HashMap<>();
        if (emails.isEmpty()) {
            return ids;
        }
        return database.read(connection -> {
            // One statement for a whole burst, the addresses joined as a table (see MirrorRepository.liveByEmail).
            try (PreparedStatement select = connection.prepareStatement("SELECT p.email, p.salesforce_id "
                    + "FROM " + database.dialect().addressTable("wanted")
                    + " JOIN people p ON p.email = wanted.address "
                    + "WHERE p.salesforce_id IS NOT NULL")) {
                SqlDialect.bindAddresses(
                        connection,
                        select,
                        1,
                        emails.stream().map(Email::value).distinct().toArray(String[]::new));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.computeIfAbsent(new Email(rows.getString(1)), e -> new java.util.HashSet<>())
                                .add(new SalesforceId(rows.getString(2)));
                    }
                }
            }
            return ids;
        });
    }

    /** Whether any person has a name, so the console knows whether a Name column has anything to show. */
    public boolean anyNamed() {
        return database.read(connection -> Jdbc.count(
                        connection,
                        "SELECT COUNT(*) FROM (SELECT 1 FROM people WHERE first_name IS NOT NULL OR last_name IS NOT NULL "
                                + "FETCH FIRST 1 ROWS ONLY) named")
                > 0);
    }

    public long count() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM people"));
    }

    public long countWithSalesforceId() {
        return database.read(
                connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM people WHERE salesforce_id IS NOT NULL"));
    }

    /** People without a Salesforce id, in email order: their unsubscribes cannot reach a Lead or Contact. */
    public java.util.List<Person> withoutSalesforceId(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT email, first_name, last_name FROM people "
                            + "WHERE salesforce_id IS NULL ORDER BY email LIMIT ?")) {
                select.setInt(1, limit);
                java.util.List<Person> people = new java.util.ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        people.add(new Person(
                                new Email(rows.getString(1)),
                                Optional.ofNullable(rows.getString(2)),
                                Optional.ofNullable(rows.getString(3)),
                                Optional.empty()));
                    }
                }
                return people;
            }
        });
    }
}
