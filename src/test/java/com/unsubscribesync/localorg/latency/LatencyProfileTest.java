package com.unsubscribesync.localorg.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyProfileTest {
    /** The unit draw that lands in the middle of the jitter band, i.e. the cost itself. */
    private static final double NO_JITTER = 0.5;

    @Test
    void zeroAddsNothingToAnyCall() {
        LatencyProfile zero = LatencyProfile.parse("zero");

        assertThat(zero.isZero()).isTrue();
        assertThat(zero.delay("query", 2000, 0.99)).isZero();
        assertThat(zero.delay("bulk.addBatch", 10_000, 0)).isZero();
        assertThat(new CallLatency(1, zero).delay("update", 200)).isZero();
    }

    @Test
    void aCallCostsItsFixedTimePlusItsTimePerRow() {
        LatencyProfile typical = LatencyProfile.parse("typical");

        assertThat(typical.delay("query", 0, NO_JITTER)).isEqualTo(Duration.ofMillis(300));
        assertThat(typical.delay("query", 2000, NO_JITTER)).isEqualTo(Duration.ofMillis(300 + 500));
        assertThat(typical.delay("update", 200, NO_JITTER)).isEqualTo(Duration.ofMillis(550 + 2100));
        assertThat(typical.delay("update", 1, NO_JITTER))
                .isEqualTo(Duration.ofMillis(550).plusMillis(10).plusNanos(500_000));
    }

    @Test
    void jitterMovesTheDelayAtMostTheProfilesShareEitherWay() {
        LatencyProfile typical = LatencyProfile.typical();

        assertThat(typical.delay("query", 0, 0)).isEqualTo(Duration.ofMillis(240));
        assertThat(typical.delay("query", 0, 0.999999)).isBetween(Duration.ofMillis(359), Duration.ofMillis(360));
    }

    @Test
    void theSameSeedDrawsTheSameDelays() {
        CallLatency first = new CallLatency(7, LatencyProfile.typical());
        CallLatency second = new CallLatency(7, LatencyProfile.typical());

        for (int call = 0; call < 5; call++) {
            assertThat(first.delay("queryMore", 2000)).isEqualTo(second.delay("queryMore", 2000));
        }
    }

    @Test
    void typicalGivesEveryOperationOfTheAppItsOwnCost() {
        LatencyProfile typical = LatencyProfile.typical();
        CallCost otherwise = typical.cost("an operation nobody serves");

        assertThat(List.of(
                        "login",
                        "query",
                        "queryMore",
                        "update",
                        "create",
                        "upsert",
                        "retrieve",
                        "describeSObjects",
                        "describeGlobal",
                        "getUserInfo",
                        "readMetadata",
                        "updateMetadata",
                        "bulk.createJob",
                        "bulk.closeJob",
                        "bulk.jobStatus",
                        "bulk.addBatch",
                        "bulk.batchStatus",
                        "bulk.batchResult",
                        "bulk.processBatch"))
                .allSatisfy(operation ->
                        assertThat(typical.cost(operation)).as(operation).isNotSameAs(otherwise));
        assertThat(otherwise.fixedMillis()).isPositive();
    }

    @Test
    void aProfileWrittenInlineCostsWhatItSays() {
        LatencyProfile custom = LatencyProfile.parse("query=150ms+0.1ms/row, update=2ms/row, default=20ms, jitter=10%");

        assertThat(custom.isZero()).isFalse();
        assertThat(custom.delay("query", 1000, NO_JITTER)).isEqualTo(Duration.ofMillis(250));
        assertThat(custom.delay("update", 200, NO_JITTER)).isEqualTo(Duration.ofMillis(400));
        assertThat(custom.delay("getUserInfo", 0, NO_JITTER)).isEqualTo(Duration.ofMillis(20));
        assertThat(custom.delay("getUserInfo", 0, 0)).isEqualTo(Duration.ofMillis(18));
        assertThat(LatencyProfile.parse("query=150ms").delay("update", 200, NO_JITTER))
                .as("without a default, an operation not named answers at once")
                .isZero();
    }

    @Test
    void anUnknownProfileIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> LatencyProfile.parse("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast'")
                .hasMessageContaining("zero, typical or");
        assertThatThrownBy(() -> LatencyProfile.parse("query=soon")).hasMessageContaining("query=soon");
        assertThatThrownBy(() -> LatencyProfile.parse("query=1ms,jitter=150%")).hasMessageContaining("jitter");
        assertThatThrownBy(() -> LatencyProfile.parse("=1ms")).hasMessageContaining("operation=COST");
    }
}
