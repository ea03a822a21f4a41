package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The team's saved connection (V13): one row, replaced whole, on H2 and PostgreSQL. */
class TeamConnectionRepositoryTest {
    private Database database;
    private TeamConnectionRepository team;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        this.team = new TeamConnectionRepository(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void aSaveReplacesTheOneRowAndADeleteRemovesItForEveryone(TestStore store) {
        assertThat(team.sealed()).isEmpty();

        team.save("first");
        team.save("second");

        try (Database other = store.open()) {
            assertThat(new TeamConnectionRepository(other, Clock.systemUTC()).sealed())
                    .hasValue("second");
        }
        assertThat(team.delete()).isTrue();
        assertThat(team.delete()).as("nothing left").isFalse();
        assertThat(team.sealed()).isEmpty();
    }

    @OnEachStore
    void nodesSavingAtOnceLeaveOneWholeRowAndReadersNeverSeePartOfOne() throws Exception {
        int writers = 4;
        List<String> written = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            written.add(String.valueOf((char) ('a' + w)).repeat(15_000));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String text : written) {
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < 20; i++) {
                    team.save(text);
                }
            }));
        }
        threads.add(new Thread(() -> {
            await(start);
            for (int i = 0; i < 80; i++) {
                team.sealed().ifPresent(seen::add);
            }
        }));
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(written).containsAll(seen);
        assertThat(team.sealed()).hasValueSatisfying(last -> assertThat(written).contains(last));
        long rows = database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM team_connection"));
        assertThat(rows).isEqualTo(1);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
