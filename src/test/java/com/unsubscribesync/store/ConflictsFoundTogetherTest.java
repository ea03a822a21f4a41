package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real-time passes run at once (ADR 0077), and a pass runs beside the nightly run: both may find the same
 * conflict at the same moment. The admin must see it once, not twice.
 */
class ConflictsFoundTogetherTest {
    private static final int ROUNDS = 200;

    private final Database database = Database.openInMemory("conflicts-found-together");
    private final ConflictRepository conflicts = new ConflictRepository(database);
    private final ExecutorService finders = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        finders.shutdownNow();
        database.close();
    }

    @Test
    void theSameConflictFoundByTwoPassesAtOnceIsStoredOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ConflictRepository.NewConflict found = new ConflictRepository.NewConflict(
                    ConflictKind.NOT_IN_SALESFORCE,
                    Optional.of(Email.parse("found" + round + "@acme.test")),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "No Lead or Contact has this address.");
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> passes = List.of(
                    finders.submit(() -> {
                        together.await(5, TimeUnit.SECONDS);
                        return conflicts.record(found, Instant.now()) ? 1 : 0;
                    }),
                    finders.submit(() -> {
                        together.await(5, TimeUnit.SECONDS);
                        return conflicts.recordAll(List.of(found).iterator(), Instant.now());
                    }));
            int newOnes = 0;
            for (Future<Integer> pass : passes) {
                newOnes += pass.get(10, TimeUnit.SECONDS);
            }
            assertThat(newOnes).as("new in round %d", round).isEqualTo(1);
        }
        assertThat(conflicts.open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 10 * ROUNDS))
                .hasSize(ROUNDS);
    }
}
