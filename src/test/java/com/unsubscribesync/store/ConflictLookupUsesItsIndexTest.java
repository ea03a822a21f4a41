package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every conflict a pass finds is first looked up among the stored ones. Through a scan that cost a millisecond or
 * more per conflict once a few thousand were open, so a pass raising thousands spent seconds there (ADR 0083).
 */
class ConflictLookupUsesItsIndexTest {
    private static final List<ConflictRepository.Identity> IDENTITIES = List.of(
            new ConflictRepository.Identity(
                    ConflictKind.NOT_IN_SALESFORCE,
                    Optional.of(Email.parse("gone@acme.test")),
                    Optional.empty(),
                    Optional.empty()),
            new ConflictRepository.Identity(
                    ConflictKind.WRITE_REJECTED,
                    Optional.of(Email.parse("locked@acme.test")),
                    Optional.of(SalesforceId.parse("003000000000001")),
                    Optional.of(SObjectType.CONTACT)),
            new ConflictRepository.Identity(
                    ConflictKind.FIELD_UNAVAILABLE, Optional.empty(), Optional.empty(), Optional.of(SObjectType.LEAD)));

    /**
     * H2 plans a statement with the statistics it has when the statement is prepared; with none yet (a new store,
     * or fewer than its 2 000 changed rows since) it looked up the same open conflict through the open conflicts'
     * index, reading every open conflict of the kind. PostgreSQL never uses an index for IS NOT DISTINCT FROM.
     */
    @OnEachStore
    void theSameConflictIsLookedUpThroughTheIdentityIndex(Database database, TestStore store) {
        withStatisticsOnPostgreSql(database, store);
        for (ConflictRepository.Identity identity : IDENTITIES) {
            assertThat(plan(database, identity))
                    .as("plan of %s", identity)
                    .containsIgnoringCase("conflicts_by_identity");
        }
    }

    /**
     * A written batch looks up its records' open conflicts through the records' index (ADR 0088), not by reading
     * every open conflict of the two kinds for every batch.
     */
    @OnEachStore
    void aWrittenBatchLooksUpItsRecordsConflictsThroughTheRecordsIndex(Database database, TestStore store) {
        withStatisticsOnPostgreSql(database, store);
        String plan = explain(
                database,
                ConflictRepository.conflictsOfWritten(database.dialect()),
                (connection, explain) ->
                        SqlDialect.bindAddresses(connection, explain, 1, new String[] {"003000000000001AAA"}));

        assertThat(plan).containsIgnoringCase("conflicts_by_record");
    }

    @OnEachStore
    void anOpenConflictFoundAgainIsRefreshedNotStoredTwice(Database database) {
        ConflictRepository conflicts = new ConflictRepository(database);
        openConflicts(conflicts, 3);
        ConflictRepository.NewConflict again = notInSalesforce(1, "Still no Lead or Contact has this address.");

        assertThat(conflicts.wouldBeNew(again)).isFalse();
        assertThat(conflicts.record(again, Instant.now())).isFalse();

        assertThat(conflicts.open(Optional.empty(), 10))
                .hasSize(3)
                .filteredOn(conflict -> conflict.email().equals(again.email()))
                .singleElement()
                .satisfies(conflict -> assertThat(conflict.explanation()).isEqualTo(again.explanation()));
    }

    private static void openConflicts(ConflictRepository conflicts, int count) {
        conflicts.recordAll(
                java.util.stream.IntStream.rangeClosed(1, count)
                        .mapToObj(i -> notInSalesforce(i, "No Lead or Contact has this address."))
                        .iterator(),
                Instant.now());
    }

    private static ConflictRepository.NewConflict notInSalesforce(int person, String explanation) {
        return new ConflictRepository.NewConflict(
                ConflictKind.NOT_IN_SALESFORCE,
                Optional.of(Email.parse("person" + person + "@acme.test")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                explanation);
    }

    private static String plan(Database database, ConflictRepository.Identity identity) {
        return explain(
                database,
                "SELECT id FROM conflicts WHERE " + identity.where(),
                (connection, explain) -> identity.bind(explain, 1));
    }

    /** PostgreSQL plans by its statistics: a store with thousands of conflicts, analysed, as a busy one is. */
    private static void withStatisticsOnPostgreSql(Database database, TestStore store) {
        if (store.postgreSqlRuns()) {
            openConflicts(new ConflictRepository(database), 5_000);
            database.inTransaction(connection -> {
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE conflicts");
                }
                return null;
            });
        }
    }

    private interface Binder {
        void bind(java.sql.Connection connection, PreparedStatement statement) throws java.sql.SQLException;
    }

    private static String explain(Database database, String select, Binder binder) {
        return database.read(connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + select)) {
                binder.bind(connection, explain);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        });
    }
}
