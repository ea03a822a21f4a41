package com.unsubscribesync.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests move: it stands still until a test sets or advances it. Safe to read and move from several
 * threads. In UTC.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    private TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Stands still at {@code start} until a test moves it. */
    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    /** @param start an ISO-8601 instant, e.g. {@code 2026-03-02T10:00:00Z} */
    public static TestClock at(String start) {
        return at(Instant.parse(start));
    }

    /**
     * Stands still at the real time, cut to whole microseconds: the store keeps times to the microsecond (rounding
     * half up), so a time stamped by this clock reads back equal to it.
     */
    public static TestClock atNow() {
        return at(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
