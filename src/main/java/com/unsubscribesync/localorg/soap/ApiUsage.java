package com.unsubscribesync.localorg.soap;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** API calls counted against a daily allocation; the count starts again each UTC day. */
public final class ApiUsage {
    public static final int DEFAULT_DAILY_LIMIT = 100_000;

    private final Clock clock;
    private int limit;
    private int used;
    private LocalDate day;
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    public ApiUsage(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one call, or refuses it with REQUEST_LIMIT_EXCEEDED when the allocation is spent. */
    public synchronized void consume() {
        rollOver();
        if (used >= limit) {
            throw SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        used++;
    }

    /** Notes which operation an admitted call was, for tests and benchmarks that count calls by kind. */
    public void tally(String operation) {
        byOperation.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    /** Calls admitted since the org started, by operation name (never reset by the day's roll-over). */
    public Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public synchronized int used() {
        rollOver();
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

    public synchronized void setUsed(int used) {
        this.used = used;
    }

    private void rollOver() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }
}
