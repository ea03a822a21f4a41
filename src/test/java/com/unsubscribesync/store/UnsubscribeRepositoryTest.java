package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EachStore.class)
class UnsubscribeRepositoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private Database database;
    private UnsubscribeRepository unsubscribes;

    @BeforeEach
    void openStore(Database database) {
        this.database = database;
        unsubscribes = new UnsubscribeRepository(database, CLOCK);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @OnEachStore
    void addingAnUnsubscribeWritesItsHistoryAndItsOutboxEntry() {
        assertThat(unsubscribes.add(manual("ann@example.com"))).isTrue();

        assertThat(unsubscribes.find(Email.parse("ann@example.com"))).isPresent();
        assertThat(unsubscribes.history(Email.parse("ann@example.com")))
                .extracting(HistoryEntry::action)
                .containsExactly(HistoryEntry.Action.UNSUBSCRIBE);
        assertThat(new OutboxRepository(database).pendingCount()).isEqualTo(1);
    }

    @Test
    void aFailureAfterTheFirstWriteOfAnAddLeavesNoRowAtAll() throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER outbox_breaks BEFORE INSERT ON outbox FOR EACH ROW CALL \""
                    + FailingTrigger.class.getName() + "\"");
        }

        assertThatThrownBy(() -> unsubscribes.add(manual("ann@example.com"))).isInstanceOf(StoreException.class);

        assertThat(count("unsubscribes")).isZero();
        assertThat(count("unsubscribe_history")).isZero();
        assertThat(count("outbox")).isZero();
    }

    @OnEachStore
    void addingAnAddressAlreadyUnsubscribedChangesNothing() {
        unsubscribes.add(manual("ann@example.com"));
        assertThat(unsubscribes.add(manual("ann@example.com"))).isFalse();
        assertThat(count("unsubscribe_history")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
    }

    @OnEachStore
    void clicksRecordedTogetherSayWhichWereNewAndAnAddressTwiceIsOneUnsubscribe() {
        unsubscribes.add(manual("bob@example.com"));

        List<Boolean> added = unsubscribes.addTogether(
                List.of(manual("ann@example.com"), manual("bob@example.com"), manual("ann@example.com")));

        assertThat(added).containsExactly(true, false, false);
        assertThat(unsubscribes.history(Email.parse("ann@example.com"))).hasSize(1);
        assertThat(count("unsubscribe_history")).isEqualTo(2);
        assertThat(count("outbox")).isEqualTo(2);
    }

    @OnEachStore
    void optOutImportedFromSalesforceIsNotPushedBack() {
        unsubscribes.add(new Unsubscribe(
                Email.parse("bo@example.com"),
                Instant.now(),
                UnsubscribeSource.SALESFORCE_SYNC,
                "nightly sync",
                Optional.empty()));
        assertThat(count("outbox")).isZero();
        assertThat(count("unsubscribe_history")).isEqualTo(1);
    }

    @OnEachStore
    void resubscribeRemovesTheUnsubscribeAndItsPendingPushButKeepsTheHistory() {
        unsubscribes.add(manual("ann@example.com"));
        assertThat(unsubscribes.resubscribe(Email.parse("ann@example.com"), "admin", "asked by phone", Instant.now()))
                .isTrue();

        assertThat(unsubscribes.find(Email.parse("ann@example.com"))).isEmpty();
        assertThat(count("outbox")).isZero();
        List<HistoryEntry> history = unsubscribes.history(Email.parse("ann@example.com"));
        assertThat(history)
                .extracting(HistoryEntry::action)
                .containsExactly(HistoryEntry.Action.UNSUBSCRIBE, HistoryEntry.Action.RESUBSCRIBE);
        assertThat(history.get(1).reason()).contains("asked by phone");
    }

    @OnEachStore
    void listSearchesByEmailPrefixTreatingWildcardsLiterally() {
        for (String email : List.of("ann@example.com", "anna@example.com", "bo@example.com", "an_x@example.com")) {
            unsubscribes.add(manual(email));
        }
        assertThat(unsubscribes.list("ann", 50, 0))
                .extracting(row -> row.unsubscribe().email().value())
                .containsExactly("ann@example.com", "anna@example.com");
        assertThat(unsubscribes.list("an_", 50, 0))
                .extracting(row -> row.unsubscribe().email().value())
                .containsExactly("an_x@example.com");
        assertThat(unsubscribes.list("", 2, 1)).hasSize(2);
    }

    @OnEachStore
    void listShowsThePersonAndItsSalesforceId() {
        SalesforceId id = SalesforceId.parse("003000000000001");
        new PeopleRepository(database, CLOCK)
                .save(new Person(
                        Email.parse("ann@example.com"), Optional.of("Ann"), Optional.of("Lee"), Optional.of(id)));
        unsubscribes.add(manual("ann@example.com"));
        ListedUnsubscribe row = unsubscribes.list("", 10, 0).get(0);
        assertThat(row.person()).isPresent();
        assertThat(row.person().get().salesforceId()).contains(id);
        assertThat(row.person().get().displayName()).isEqualTo("Ann Lee");
    }

    @OnEachStore
    void pagesFarDownTheListAreTheSameAsCountingFromTheTopAlsoAfterAWrite() {
        unsubscribes.addAll(java.util.stream.IntStream.range(0, 25_000)
                .mapToObj(i -> manual(String.format("p%05d@example.com", (i * 7919) % 25_000)))
                .iterator());
        for (int offset : new int[] {0, 9_999, 10_000, 12_345, 20_000, 24_990}) {
            assertThat(emails(unsubscribes.list("", 20, offset)))
                    .as("offset %d", offset)
                    .isEqualTo(plainOffset("", 20, offset));
        }
        assertThat(emails(unsubscribes.list("p1", 20, 10_005))).isEqualTo(plainOffset("p1", 20, 10_005));

        unsubscribes.add(manual("a-first@example.com"));
        assertThat(emails(unsubscribes.list("", 5, 15_000))).isEqualTo(plainOffset("", 5, 15_000));
    }

    private static List<String> emails(List<ListedUnsubscribe> page) {
        return page.stream().map(row -> row.unsubscribe().email().value()).toList();
    }

    private List<String> plainOffset(String prefix, int limit, int offset) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT email FROM unsubscribes WHERE email LIKE ? " + "ORDER BY email LIMIT ? OFFSET ?")) {
                select.setString(1, prefix + "%");
                select.setInt(2, limit);
                select.setInt(3, offset);
                List<String> emails = new java.util.ArrayList<>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        emails.add(rows.getString(1));
                    }
                }
                return emails;
            }
        });
    }

    private static Unsubscribe manual(String email) {
        return new Unsubscribe(Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "tester", Optional.empty());
    }

    private long count(String table) {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM " + table));
    }

    /** Stands for a disk or constraint failure on the last of the three writes. */
    public static class FailingTrigger implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("injected failure on outbox insert");
        }
    }
}
