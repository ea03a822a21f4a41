package com.unsubscribesync.localorg.soap;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API calls counted against the daily allocation over a rolling 24 hours, as Salesforce counts them: a call stops
 * counting 24 hours after it was made, not at midnight. Calls are kept per second, so the memory stays bounded.
 */
public final class ApiUsage {
    public static final int DEFAULT_DAILY_LIMIT = 100_000;
    private static final long WINDOW_SECONDS = Duration.ofHours(24).toSeconds();

    /** The calls admitted in one second. */
    private static final class Second {
        final long epochSecond;
        int calls;

        Second(long epochSecond) {
            this.epochSecond = epochSecond;
        }
    }

    private final Clock clock;
    private int limit;
    private int used;
    private final Deque<Second> seconds = new ArrayDeque<>();
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    public ApiUsage(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one call, or refuses it with REQUEST_LIMIT_EXCEEDED when the last 24 hours spent the allocation. */
    public synchronized void consume() {
        long now = clock.instant().getEpochSecond();
        forgetBefore(now);
        if (used >= limit) {
            throw SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        Second last = seconds.peekLast();
        if (last == null || last.epochSecond != now) {
            last = new Second(now);
            seconds.addLast(last);
        }
        last.calls++;
        used++;
    }

    /** Notes which operation an admitted call was, for tests and benchmarks that count calls by kind. */
    public void tally(String operation) {
        byOperation.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    /** Calls admitted since the org started, by operation name (never forgotten after 24 hours). */
    public Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    /** Calls admitted in the last 24 hours. */
    public synchronized int used() {
        forgetBefore(clock.instant().getEpochSecond());
        return used;
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized void setLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the API limit must be 0 or more, not " + limit);
        }
        this.limit = limit;
    }

    private void forgetBefore(long now) {
        while (!seconds.isEmpty() && seconds.peekFirst().epochSecond <= now - WINDOW_SECONDS) {
            used -= seconds.removeFirst().calls;
        }
    }
}
