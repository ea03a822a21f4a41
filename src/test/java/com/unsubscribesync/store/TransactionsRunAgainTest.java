package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A transaction that H2 picks as a deadlock's victim is run again whole: no row is lost or written twice. */
@ExtendWith(EachStore.class)
class TransactionsRunAgainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final int ROWS = 2_500;

    private Database database;

    @BeforeEach
    void openStore(Database database) {
        this.database = database;
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @Test
    void anImportBatchPickedAsADeadlockVictimIsWrittenAgainWithAllItsRows() throws SQLException {
        // The 1 500th outbox row is in the second batch, after its unsubscribes and history lines were written.
        String trigger = deadlockOnce("outbox", 1_500);

        long added = new UnsubscribeRepository(database, CLOCK).addAll(unsubscribes());

        assertThat(DeadlockOnce.fired(trigger)).as("the deadlock was injected").isTrue();
        assertThat(added).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM unsubscribes")).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(DISTINCT email) FROM unsubscribe_history"))
                .isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM unsubscribe_history")).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(DISTINCT email) FROM outbox")).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(ROWS);
    }

    @Test
    void peopleSavedInABatchPickedAsADeadlockVictimAreAllSaved() throws SQLException {
        String trigger = deadlockOnce("people", 1_200);

        long saved = new PeopleRepository(database, CLOCK)
                .saveAll(IntStream.range(0, ROWS)
                        .mapToObj(i -> new Person(
                                Email.parse("person" + i + "@example.com"),
                                Optional.of("P" + i),
                                Optional.empty(),
                                Optional.empty()))
                        .iterator());

        assertThat(DeadlockOnce.fired(trigger)).as("the deadlock was injected").isTrue();
        assertThat(saved).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM people")).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM people WHERE first_name IS NULL"))
                .isZero();
    }

    @Test
    void anImportBatchPickedAsAPostgreSqlDeadlockVictimIsWrittenAgainWithAllItsRows() throws SQLException {
        try (Database postgreSql = TestStore.postgreSql().open()) {
            try (Connection connection = postgreSql.connection();
                    Statement statement = connection.createStatement()) {
                // A sequence is not rolled back with the transaction, so the victim's second run passes.
                statement.execute("CREATE SEQUENCE outbox_inserts");
                statement.execute("CREATE FUNCTION deadlock_once() RETURNS trigger AS $$ BEGIN "
                        + "IF nextval('outbox_inserts') = 1500 THEN "
                        + "RAISE EXCEPTION 'deadlock detected (injected)' USING ERRCODE = '40P01'; END IF; "
                        + "RETURN NEW; END $$ LANGUAGE plpgsql");
                statement.execute("CREATE TRIGGER outbox_deadlock BEFORE INSERT ON outbox FOR EACH ROW "
                        + "EXECUTE FUNCTION deadlock_once()");
            }

            long added = new UnsubscribeRepository(postgreSql, CLOCK).addAll(unsubscribes());

            long inserts =
                    postgreSql.read(connection -> Jdbc.count(connection, "SELECT last_value FROM outbox_inserts"));
            assertThat(inserts)
                    .as("the deadlock was injected and its batch written again")
                    .isGreaterThan(ROWS);
            assertThat(added).isEqualTo(ROWS);
            long outbox = postgreSql.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM outbox"));
            long history =
                    postgreSql.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM unsubscribe_history"));
            assertThat(outbox).isEqualTo(ROWS);
            assertThat(history).isEqualTo(ROWS);
        }
    }

    @OnEachStore
    void workInATransactionCannotCommitPartOfIt() {
        assertThatThrownBy(() -> database.inTransaction(connection -> {
                    connection.commit();
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commit");
    }

    private static java.util.Iterator<Unsubscribe> unsubscribes() {
        return IntStream.range(0, ROWS)
                .mapToObj(i -> new Unsubscribe(
                        Email.parse("person" + i + "@example.com"),
                        CLOCK.instant(),
                        UnsubscribeSource.IMPORT,
                        "tester",
                        Optional.empty()))
                .iterator();
    }

    /** Makes the {@code row}th insert into the table fail once as a deadlock's victim; returns the trigger's name. */
    private String deadlockOnce(String table, int row) throws SQLException {
        String name = "deadlock_" + UUID.randomUUID().toString().replace('-', '_');
        DeadlockOnce.ARMED.put(name.toUpperCase(), new AtomicInteger(row));
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL \""
                    + DeadlockOnce.class.getName() + "\"");
        }
        return name.toUpperCase();
    }

    private long count(String sql) {
        return database.read(connection -> Jdbc.count(connection, sql));
    }

    /** Counts down the rows inserted and fails the one it reaches zero at with H2's deadlock state, once. */
    public static class DeadlockOnce implements Trigger {
        static final Map<String, AtomicInteger> ARMED = new ConcurrentHashMap<>();
        private String name;

        static boolean fired(String trigger) {
            return ARMED.get(trigger).get() < 0;
        }

        @Override
        public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
            this.name = trigger;
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (ARMED.get(name).decrementAndGet() == 0) {
                ARMED.get(name).decrementAndGet();
                throw new SQLException("Deadlock detected (injected)", "40001");
            }
        }
    }
}
