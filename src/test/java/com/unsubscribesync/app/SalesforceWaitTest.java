package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.cli.ServeState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceWaitTest {
    private final Instant start = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void triesAgainAfterFiveSecondsThenDoublingUpToFiveMinutes() {
        SalesforceWait wait = new SalesforceWait();
        List<Duration> pauses = new ArrayList<>();
        Instant now = start;
        for (int i = 0; i < 9; i++) {
            ServeState.Waiting waiting = wait.failed(now, "connection refused");
            pauses.add(Duration.between(now, waiting.nextTry()));
            assertThat(waiting.since()).as("waiting since the first failure").isEqualTo(start);
            assertThat(wait.mayTry(waiting.nextTry().minusMillis(1))).isFalse();
            now = waiting.nextTry();
            assertThat(wait.mayTry(now)).isTrue();
        }

        assertThat(pauses)
                .extracting(Duration::toSeconds)
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
    }

    @Test
    void reachingTheOrgEndsTheWaitAndTheNextOutageStartsAgainAtFiveSeconds() {
        SalesforceWait wait = new SalesforceWait();
        wait.failed(start, "down");
        wait.failed(start.plusSeconds(5), "down");

        assertThat(wait.reached()).hasValueSatisfying(w -> assertThat(w.since()).isEqualTo(start));
        assertThat(wait.state()).isEmpty();
        assertThat(wait.mayTry(start)).isTrue();
        Instant later = start.plusSeconds(3600);
        assertThat(wait.failed(later, "down again").nextTry()).isEqualTo(later.plusSeconds(5));
    }
}
