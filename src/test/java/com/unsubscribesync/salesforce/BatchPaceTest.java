package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchPaceTest {
    private static final Duration CONFIGURED = Duration.ofMillis(500);
    private final BatchPace pace = new BatchPace(CONFIGURED);

    @Test
    void beforeAnyJobTheFirstLookComesAfterTheConfiguredWait() {
        assertThat(pace.firstWait(5_000)).isEqualTo(CONFIGURED);
    }

    @Test
    void aJobDoneAtTheFirstLookBringsTheNextFirstLookForward() {
        // done by 200 ms, taken as 100 ms for 2 000 records; 4 000 records then, a quarter past the estimate
        pace.observed(2_000, Duration.ZERO, Duration.ofMillis(200));

        assertThat(pace.firstWait(4_000)).isEqualTo(Duration.ofMillis(250));
        assertThat(pace.firstWait(2_000)).isEqualTo(Duration.ofMillis(125));
    }

    @Test
    void aJobSeenRunningIsTakenAsDoneBetweenTheLastTwoLooks() {
        pace.observed(1_000, Duration.ofMillis(100), Duration.ofMillis(300));

        assertThat(pace.firstWait(1_000)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aSlowJobNeverDelaysTheFirstLookPastTheConfiguredWait() {
        pace.observed(5_000, Duration.ofSeconds(30), Duration.ofSeconds(60));

        assertThat(pace.firstWait(5_000)).isEqualTo(CONFIGURED);
        assertThat(pace.firstWait(50_000)).isEqualTo(CONFIGURED);
    }

    @Test
    void aQuickOrgIsNotLookedAtSoonerThanTheShortestWait() {
        pace.observed(10_000, Duration.ZERO, Duration.ofMillis(2));

        assertThat(pace.firstWait(10)).isEqualTo(BatchPace.SHORTEST_FIRST_WAIT);
    }

    @Test
    void aConfiguredWaitShorterThanTheShortestIsKept() {
        BatchPace quick = new BatchPace(Duration.ofMillis(10));
        quick.observed(10, Duration.ZERO, Duration.ofMillis(1));

        assertThat(quick.firstWait(10)).isEqualTo(Duration.ofMillis(10));
    }
}
