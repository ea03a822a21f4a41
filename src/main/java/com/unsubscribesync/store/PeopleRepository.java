package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/** Local person records. Saving a person again fills in what the new row knows and keeps the rest. */
public final class PeopleRepository {
    private static final int BATCH = 1000;
    private static final String MERGE = "MERGE INTO people p USING (VALUES (CAST(? AS VARCHAR(254)), "
            + "CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS CHAR(18)), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "AS n (email, first_name, last_name, salesforce_id, updated_at) ON p.email = n.email "
            + "WHEN MATCHED THEN UPDATE SET first_name = COALESCE(n.first_name, p.first_name), "
            + "last_name = COALESCE(n.last_name, p.last_name), salesforce_id = COALESCE(n.salesforce_id, p.salesforce_id), "
            + "updated_at = n.updated_at "
            + "WHEN NOT MATCHED THEN INSERT (email, first_name, last_name, salesforce_id, updated_at) "
            + "VALUES (n.email, n.first_name, n.last_name, n.salesforce_id, n.updated_at)";

    private final Database database;

    public PeopleRepository(Database database) {
        this.database = database;
    }

    public void save(Person person) {
        saveAll(java.util.List.of(person).iterator());
    }

    /** Saves many people in one transaction. */
    public long saveAll(Iterator<Person> people) {
        return database.inTransaction(connection -> {
            long saved = 0;
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                Instant now = Instant.now();
                int pending = 0;
                while (people.hasNext()) {
                    Person person = people.next();
                    merge.setString(1, person.email().value());
                    merge.setString(2, person.firstName().orElse(null));
                    merge.setString(3, person.lastName().orElse(null));
                    merge.setString(4, person.salesforceId().map(SalesforceId::value).orElse(null));
                    merge.setObject(5, Database.utc(now));
                    merge.addBatch();
                    saved++;
                    if (++pending == BATCH) {
                        merge.executeBatch();
                        pending = 0;
                    }
                }
                merge.executeBatch();
            }
            return saved;
        });
    }

    /** Saves a person replacing the Salesforce id (an admin's link or re-link), keeping the names given. */
    public void saveLink(Person person) {
        database.inTransaction(connection -> {
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO people (email, first_name, last_name, "
                    + "salesforce_id, updated_at) KEY (email) VALUES (?, ?, ?, ?, ?)")) {
                merge.setString(1, person.email().value());
                merge.setString(2, person.firstName().orElse(null));
                merge.setString(3, person.lastName().orElse(null));
                merge.setString(4, person.salesforceId().map(SalesforceId::value).orElse(null));
                merge.setObject(5, Database.utc(Instant.now()));
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
                    return Optional.of(new Person(email, Optional.ofNullable(rows.getString("first_name")),
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
                    + "FROM TABLE(address VARCHAR = ?) wanted JOIN people p ON p.email = wanted.address "
                    + "WHERE p.salesforce_id IS NOT NULL")) {
                select.setObject(1, emails.stream().map(Email::value).distinct().toArray());
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
        return database.read(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM (SELECT 1 FROM people WHERE first_name IS NOT NULL OR last_name IS NOT NULL "
                        + "FETCH FIRST 1 ROWS ONLY)") > 0);
    }

    public long count() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM people"));
    }

    public long countWithSalesforceId() {
        return database.read(connection ->
                Jdbc.count(connection, "SELECT COUNT(*) FROM people WHERE salesforce_id IS NOT NULL"));
    }

    /** People without a Salesforce id, in email order: their unsubscribes cannot reach a Lead or Contact. */
    public java.util.List<Person> withoutSalesforceId(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT email, first_name, last_name FROM people "
                    + "WHERE salesforce_id IS NULL ORDER BY email LIMIT ?")) {
                select.setInt(1, limit);
                java.util.List<Person> people = new java.util.ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        people.add(new Person(new Email(rows.getString(1)), Optional.ofNullable(rows.getString(2)),
                                Optional.ofNullable(rows.getString(3)), Optional.empty()));
                    }
                }
                return people;
            }
        });
    }
}
