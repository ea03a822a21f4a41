package com.unsubscribesync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsTheFirstAcceptedValueAsSoonAsItIsThere() {
        AtomicInteger reads = new AtomicInteger();

        int value =
                Eventually.within(Duration.ofSeconds(5)).until("the third read", reads::incrementAndGet, n -> n >= 3);

        assertThat(value).isEqualTo(3);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatWasAwaitedTheLastValueAndTheContext() {
        assertThatThrownBy(() -> Eventually.within(Duration.ofMillis(50))
                        .showing(() -> "serve said: waiting")
                        .until("the opt-out to reach the org", () -> "not yet", "done"::equals))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Waited 50 ms for the opt-out to reach the org")
                .hasMessageContaining("last seen: not yet")
                .hasMessageContaining("serve said: waiting");
    }

    @Test
    void aProbeThatKeepsThrowingFailsWithItsLastExceptionAsTheCause() {
        IllegalStateException refused = new IllegalStateException("database locked");

        assertThatThrownBy(() -> Eventually.within(Duration.ofMillis(30)).until("the database to open", () -> {
                    throw refused;
                }))
                .hasMessageContaining("the last check failed: java.lang.IllegalStateException: database locked")
                .hasCause(refused);
    }

    @Test
    void aProbeThatThrowsAtFirstIsAskedAgain() {
        AtomicInteger reads = new AtomicInteger();

        Eventually.within(Duration.ofSeconds(5)).until("the second read", () -> {
            if (reads.incrementAndGet() < 2) {
                throw new IllegalStateException("not yet");
            }
            return true;
        });

        assertThat(reads).hasValue(2);
    }
}
