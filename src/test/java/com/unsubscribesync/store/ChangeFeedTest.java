package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.testing.Eventually;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {
    /** About a second is the promise; the machine running the tests may be loaded. */
    private static final Eventually SOON = Eventually.within(Duration.ofSeconds(5));

    @OnEachStore
    void aCommittedChangeReachesAListenerOfAnotherPool(TestStore store, Database writer) {
        try (OtherNode other = otherNode(store, writer)) {
            List<Change> heard = listening(other.database());
            new SettingsRepository(writer).save(SyncSettings.defaults().withNightlySync(true));
            SOON.until("the settings change heard on " + store, () -> heard.contains(Change.SETTINGS));
        }
    }

    @OnEachStore
    void aChangeWrittenInATransactionThatRollsBackIsNeverDelivered(TestStore store, Database writer) {
        try (OtherNode other = otherNode(store, writer)) {
            List<Change> heard = listening(other.database());
            assertThatThrownBy(() -> writer.inTransaction(connection -> {
                        writer.changed(Change.CONFLICTS);
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("DELETE FROM outbox");
                        }
                        throw new IllegalStateException("the admin's write failed half-way");
                    }))
                    .hasMessageContaining("half-way");
            writer.inTransaction(connection -> {
                writer.changed(Change.RUNS);
                return null;
            });
            SOON.until("the committed change heard on " + store, () -> heard.contains(Change.RUNS));
            assertThat(heard).containsExactly(Change.RUNS);
        }
    }

    @Test
    void aNotificationSentInATransactionThatThenRollsBackIsNeverDelivered() throws Exception {
        try (TwoNodes nodes = TwoNodes.onPostgreSql()) {
            Database writer = nodes.writer();
            List<Change> heard = nodes.heard();
            try (Connection connection = writer.connection()) {
                connection.setAutoCommit(false);
                writer.changes().beforeCommit(connection, EnumSet.of(Change.CONFLICTS));
                connection.rollback();
                writer.changes().beforeCommit(connection, EnumSet.of(Change.RUNS));
                connection.commit();
            }
            SOON.until("the committed notification heard", () -> heard.contains(Change.RUNS));
            assertThat(heard).containsExactly(Change.RUNS);
        }
    }

    @OnEachStore
    void aTransactionAnnouncesEachKindOnceHoweverManyRowsItWrites(TestStore store, Database writer) {
        try (OtherNode other = otherNode(store, writer)) {
            List<Change> heard = listening(other.database());
            List<Unsubscribe> many = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                many.add(unsubscribe("someone" + i + "@example.com"));
            }
            new UnsubscribeRepository(writer, java.time.Clock.systemUTC()).addTogether(many);
            SOON.until(
                    "the unsubscribes and the queued pushes heard on " + store,
                    () -> Set.copyOf(heard).containsAll(EnumSet.of(Change.UNSUBSCRIBES, Change.OUTBOX)));
            assertThat(heard).hasSize(2);
        }
    }

    @OnEachStore
    void aWriteThatChangesNothingAnnouncesNothing(TestStore store, Database writer) {
        UnsubscribeRepository unsubscribes = new UnsubscribeRepository(writer, java.time.Clock.systemUTC());
        unsubscribes.addTogether(List.of(unsubscribe("already@example.com")));
        try (OtherNode other = otherNode(store, writer)) {
            List<Change> heard = listening(other.database());
            unsubscribes.addTogether(List.of(unsubscribe("already@example.com")));
            new ConflictRepository(writer).resolve(404, ConflictRepository.DISMISS, "admin", Instant.now());
            new SettingsRepository(writer).save(SyncSettings.defaults());
            SOON.until("the settings change heard on " + store, () -> heard.contains(Change.SETTINGS));
            assertThat(heard).containsExactly(Change.SETTINGS);
        }
    }

    @Test
    void aChangeIsAnnouncedOnlyByAWriteInsideATransaction() {
        try (Database database = Database.openInMemory("changes-" + java.util.UUID.randomUUID())) {
            assertThatThrownBy(() -> database.changed(Change.SETTINGS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inTransaction");
        }
    }

    @Test
    void theListenerHearsAgainAfterTheDatabaseEndsItsConnectionAndSaysEverythingMayHaveChanged() throws Exception {
        try (TwoNodes nodes = TwoNodes.onPostgreSql()) {
            Database writer = nodes.writer();
            Database node = nodes.listener();
            List<Change> heard = nodes.heard();
            int ended = writer.read(connection -> {
                try (Statement statement = connection.createStatement();
                        var rows =
                                statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                        + " WHERE datname = current_database() AND query LIKE 'LISTEN %'")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(ended).isEqualTo(1);
            Eventually.within(Duration.ofSeconds(15))
                    .until(
                            "every kind announced once listening again",
                            () -> Set.copyOf(heard).equals(EnumSet.allOf(Change.class)));
            SOON.until("listening again", () -> node.changes().listening());
            heard.clear();
            new SettingsRepository(writer).save(SyncSettings.defaults().withNightlySync(true));
            SOON.until("a change after the reconnect heard", () -> heard.contains(Change.SETTINGS));
        }
    }

    @Test
    void aClosedStoreStopsListening() {
        TestStore store = TestStore.postgreSql();
        Database node = store.open();
        listening(node);
        node.close();
        assertThat(node.changes().listening()).isFalse();
        assertThatThrownBy(() -> node.changes().listen(change -> {})).isInstanceOf(IllegalStateException.class);
    }

    /** On PostgreSQL a second pool, as another node's; on H2 the same one, whose listeners are this process's. */
    private static OtherNode otherNode(TestStore store, Database writer) {
        return store.postgreSqlRuns() ? new OtherNode(store.open(), true) : new OtherNode(writer, false);
    }

    /** Two nodes on one fresh PostgreSQL database, the second listening. */
    private record TwoNodes(Database writer, Database listener, List<Change> heard) implements AutoCloseable {
        static TwoNodes onPostgreSql() {
            TestStore store = TestStore.postgreSql();
            Database listener = store.open();
            return new TwoNodes(store.open(), listener, listening(listener));
        }

        @Override
        public void close() {
            writer.close();
            listener.close();
        }
    }

    private record OtherNode(Database database, boolean opened) implements AutoCloseable {
        @Override
        public void close() {
            if (opened) {
                database.close();
            }
        }
    }

    private static List<Change> listening(Database database) {
        List<Change> heard = new CopyOnWriteArrayList<>();
        database.changes().listen(heard::add);
        SOON.until("the store listening for changes", () -> database.changes().listening());
        return heard;
    }

    private static Unsubscribe unsubscribe(String email) {
        return new Unsubscribe(Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "admin", Optional.empty());
    }
}
