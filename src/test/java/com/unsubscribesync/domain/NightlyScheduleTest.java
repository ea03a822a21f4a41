package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NightlyScheduleTest {
    @Test
    void runsAtEightPmPacificInWinterAndInSummer() {
        // PST is UTC-8, PDT is UTC-7.
        assertThat(NightlySchedule.nextRunAfter(Instant.parse("2026-11-28T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-29T04:00:00Z"));
        assertThat(NightlySchedule.nextRunAfter(Instant.parse("2026-07-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-02T03:00:00Z"));
    }

    @Test
    void nextRunAcrossTheSpringChangeOfClocksStaysAtEightPmLocal() {
        // Clocks go forward on 8 March 2026; the run that evening is at 03:00 UTC, the one before at 04:00 UTC.
        assertThat(NightlySchedule.nextRunAfter(Instant.parse("2026-03-08T04:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T03:00:00Z"));
    }

    @Test
    void aRunExactlyNowIsNotTheNextOne() {
        Instant run = Instant.parse("2026-11-29T04:00:00Z");
        assertThat(NightlySchedule.nextRunAfter(run)).isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));
        assertThat(NightlySchedule.previousRunAtOrBefore(run)).isEqualTo(run);
        assertThat(NightlySchedule.previousRunAtOrBefore(run.minusSeconds(1)))
                .isEqualTo(Instant.parse("2026-11-28T04:00:00Z"));
    }
}
