package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class OutboxClaimsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private Database database;
    private OutboxRepository outbox;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        this.outbox = new OutboxRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void nodesClaimingAtTheSameTimeNeverGetTheSameEntry() throws Exception {
        int entries = 300;
        for (int i = 0; i < entries; i++) {
            outbox.enqueue(Email.parse("person" + i + "@example.com"), NOW);
        }
        int nodes = 4;
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> claimedByNode = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                String node = "node-" + n;
                claimedByNode.add(threads.submit(() -> {
                    start.await();
                    List<Long> claimed = new ArrayList<>();
                    List<OutboxEntry> batch;
                    do {
                        batch = outbox.claim(node, NOW, LEASE, 7);
                        batch.forEach(entry -> claimed.add(entry.id()));
                    } while (!batch.isEmpty());
                    return claimed;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> claimed : claimedByNode) {
                all.addAll(claimed.get(60, TimeUnit.SECONDS));
            }
            assertThat(all)
                    .as("each entry claimed once")
                    .doesNotHaveDuplicates()
                    .hasSize(entries);
        } finally {
            threads.shutdownNow();
        }
    }

    @OnEachStore
    void aClaimHeldByANodeIsNotTakenUntilItsLeaseLapses() {
        outbox.enqueue(Email.parse("ann@example.com"), NOW);
        long id = outbox.claim("node-a", NOW, LEASE, 10).get(0).id();

        assertThat(outbox.claim("node-b", NOW.plusSeconds(29), LEASE, 10)).isEmpty();
        assertThat(outbox.dueSummary(NOW.plusSeconds(29)).count())
                .as("none free to claim")
                .isZero();
        assertThat(outbox.nextDue()).as("due again when the claim lapses").contains(NOW.plus(LEASE));
        assertThat(outbox.claim("node-b", NOW.plusSeconds(30), LEASE, 10))
                .as("node a died mid-push; node b takes the entry over")
                .extracting(OutboxEntry::id)
                .containsExactly(id);
    }

    @OnEachStore
    void aRenewedClaimOutlastsItsFirstLease() {
        outbox.enqueue(Email.parse("ann@example.com"), NOW);
        outbox.claim("node-a", NOW, LEASE, 10);

        assertThat(outbox.renewClaims("node-a", NOW.plusSeconds(20).plus(LEASE)))
                .isEqualTo(1);

        assertThat(outbox.claim("node-b", NOW.plusSeconds(45), LEASE, 10)).isEmpty();
        assertThat(outbox.claim("node-b", NOW.plusSeconds(50), LEASE, 10)).hasSize(1);
    }

    @OnEachStore
    void aNodeWhoseClaimWasTakenOverCanNeitherSettleNorRetryTheEntry() {
        outbox.enqueue(Email.parse("ann@example.com"), NOW);
        long id = outbox.claim("node-a", NOW, LEASE, 10).get(0).id();
        outbox.claim("node-b", NOW.plus(LEASE), LEASE, 10);

        outbox.retryLater("node-a", id, 1, NOW.plus(Duration.ofHours(1)), "UNABLE_TO_LOCK_ROW");
        outbox.remove("node-a", List.of(id));

        assertThat(outbox.pendingCount()).as("still there").isEqualTo(1);
        assertThat(outbox.due(NOW.plus(LEASE), 10))
                .as("not put back by node a")
                .singleElement()
                .extracting(OutboxEntry::attempts)
                .isEqualTo(0);
        assertThat(outbox.claim("node-c", NOW.plus(LEASE).plusSeconds(1), LEASE, 10))
                .as("still node b's")
                .isEmpty();
        outbox.remove("node-b", List.of(id));
        assertThat(outbox.pendingCount()).isZero();
    }

    @OnEachStore
    void anEntryPutBackForLaterIsFreeForAnyNodeWhenItIsDue() {
        outbox.enqueue(Email.parse("ann@example.com"), NOW);
        long id = outbox.claim("node-a", NOW, LEASE, 10).get(0).id();

        outbox.retryLater("node-a", id, 1, NOW.plusSeconds(2), "UNABLE_TO_LOCK_ROW");

        assertThat(outbox.claim("node-b", NOW.plusSeconds(2), LEASE, 10))
                .singleElement()
                .extracting(OutboxEntry::attempts)
                .isEqualTo(1);
    }

    @OnEachStore
    void entriesReleasedByABrokenPassAreFreeAtOnce() {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        LongStream.range(0, 3).forEach(i -> outbox.enqueue(Email.parse("p" + i + "@example.com"), NOW));
        outbox.claim("node-a", NOW, LEASE, 10).forEach(entry -> ids.add(entry.id()));

        outbox.release("node-a", ids);

        assertThat(outbox.claim("node-b", NOW.plusSeconds(1), LEASE, 10))
                .extracting(OutboxEntry::id)
                .containsExactlyElementsOf(ids);
    }
}
