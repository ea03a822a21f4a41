package com.unsubscribesync.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.IntakeCountRepository;
import com.unsubscribesync.store.OnEachStore;
import com.unsubscribesync.testing.TestClock;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The intake's counts: kept in memory, saved per node and day, and a day's counts added up over every node. */
class IntakeTallyTest {
    private static final LocalDate DAY = LocalDate.parse("2026-12-03");

    private final TestClock clock = TestClock.at("2026-12-03T10:00:00Z");
    private Database database;
    private IntakeCountRepository counts;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        this.counts = new IntakeCountRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private IntakeToday on(LocalDate day) {
        return IntakeToday.of(counts.on(day));
    }

    @OnEachStore
    void theCountsOfTwoNodesOnOneStoreAddUpForTheDay() {
        IntakeTally first = new IntakeTally(counts, clock);
        IntakeTally second = new IntakeTally(counts, clock);
        for (int i = 0; i < 10; i++) {
            first.refused(IntakeRefusal.TOO_FAST);
        }
        first.refused(IntakeRefusal.BAD_LINK);
        second.refused(IntakeRefusal.BAD_LINK);
        second.failed();

        first.save();
        second.save();
        first.refused(IntakeRefusal.BAD_KEY);
        first.save();

        IntakeToday today = on(DAY);
        assertThat(today.refused())
                .containsEntry(IntakeRefusal.TOO_FAST, 10L)
                .containsEntry(IntakeRefusal.BAD_LINK, 2L)
                .containsEntry(IntakeRefusal.BAD_KEY, 1L)
                .containsEntry(IntakeRefusal.BUSY, 0L)
                .hasSize(IntakeRefusal.values().length);
        assertThat(today.failed()).isOne();
        assertThat(today.words())
                .isEqualTo("refused today: 13 (too fast 10, bad link 2, bad key 1); failed commits today: 1");
    }

    @OnEachStore
    void aFloodOfRefusalsIsOneWriteOfTotalsPerSaveAndNoneWhenNothingWasCounted() throws Exception {
        IntakeTally tally = new IntakeTally(counts, clock);
        for (int i = 0; i < 10_000; i++) {
            tally.refused(IntakeRefusal.TOO_FAST);
        }
        tally.save();
        assertThat(on(DAY).refused()).containsEntry(IntakeRefusal.TOO_FAST, 10_000L);

        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DELETE FROM intake_counts");
            }
        });
        tally.save();
        assertThat(counts.on(DAY))
                .as("nothing counted since the last save: nothing written")
                .isEmpty();

        tally.refused(IntakeRefusal.TOO_FAST);
        tally.save();
        assertThat(counts.on(DAY))
                .as("the node's totals, so a lost save is made good by the next")
                .isEqualTo(Map.of("tooFast", 10_001L));
    }

    @OnEachStore
    void noRefusalsReadAsZeroOfEveryKind() {
        assertThat(IntakeToday.of(Map.of()).words()).isEqualTo("refused today: 0; failed commits today: 0");
    }

    @OnEachStore
    void aCountIsKeptOnTheDayItWasMadeOnAcrossMidnight() {
        IntakeTally tally = new IntakeTally(counts, clock);
        clock.set(java.time.Instant.parse("2026-12-03T23:59:59Z"));
        tally.refused(IntakeRefusal.TOO_LARGE);
        clock.advance(Duration.ofSeconds(2));
        tally.refused(IntakeRefusal.MALFORMED);

        tally.save();

        assertThat(on(DAY).refused()).containsEntry(IntakeRefusal.TOO_LARGE, 1L);
        assertThat(on(DAY).refusedTotal()).isOne();
        assertThat(on(DAY.plusDays(1)).refused()).containsEntry(IntakeRefusal.MALFORMED, 1L);
        assertThat(on(DAY.plusDays(1)).refusedTotal()).isOne();
    }
}
