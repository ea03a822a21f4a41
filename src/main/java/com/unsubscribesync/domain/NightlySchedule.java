package com.unsubscribesync.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The nightly sync runs daily at 8:00 PM Pacific time, whatever the season. */
public final class NightlySchedule {
    public static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    public static final LocalTime RUN_TIME = LocalTime.of(20, 0);

    private NightlySchedule() {}

    /** The first scheduled run strictly after the given moment. */
    public static Instant nextRunAfter(Instant moment) {
        ZonedDateTime pacific = moment.atZone(PACIFIC);
        ZonedDateTime candidate = pacific.toLocalDate().atTime(RUN_TIME).atZone(PACIFIC);
        if (!candidate.toInstant().isAfter(moment)) {
            candidate = pacific.toLocalDate().plusDays(1).atTime(RUN_TIME).atZone(PACIFIC);
        }
        return candidate.toInstant();
    }

    /** The last scheduled run at or before the given moment; a run missed since then is caught up at start. */
    public static Instant previousRunAtOrBefore(Instant moment) {
        ZonedDateTime pacific = moment.atZone(PACIFIC);
        ZonedDateTime candidate = pacific.toLocalDate().atTime(RUN_TIME).atZone(PACIFIC);
        if (candidate.toInstant().isAfter(moment)) {
            candidate = pacific.toLocalDate().minusDays(1).atTime(RUN_TIME).atZone(PACIFIC);
        }
        return candidate.toInstant();
    }
}
