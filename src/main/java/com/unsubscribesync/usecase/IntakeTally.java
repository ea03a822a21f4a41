package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.store.IntakeCountRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one running intake refused, by kind, and its failed commits, counted in memory per day and written to the
 * store by {@link #save} (every few seconds and on close, never once per request: a flood stays a flood of counts).
 */
public final class IntakeTally {
    /** The store's name for failed commits, next to the refusals' keys. */
    static final String FAILED = "failed";

    private static final int FAILED_AT = IntakeRefusal.values().length;

    private final IntakeCountRepository store;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();

    /** A day's counts, and how many of them the store has. */
    private static final class Day {
        final AtomicLongArray counts = new AtomicLongArray(FAILED_AT + 1);
        long saved;

        long counted() {
            long sum = 0;
            for (int i = 0; i < counts.length(); i++) {
                sum += counts.get(i);
            }
            return sum;
        }
    }

    /** @param clock its zone is the one whose days the counts are kept by (the admin's) */
    public IntakeTally(IntakeCountRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void refused(IntakeRefusal why) {
        today().counts.incrementAndGet(why.ordinal());
    }

    /** An unsubscribe taken that could not be written (the sender was told to send it again). */
    public void failed() {
        today().counts.incrementAndGet(FAILED_AT);
    }

    private Day today() {
        return days.computeIfAbsent(LocalDate.now(clock), day -> new Day());
    }

    /**
     * Writes the totals of each day counted since the last save; nothing when nothing was. Days before yesterday are
     * then forgotten (yesterday stays for a count that was made just before midnight and arrives after).
     */
    public synchronized void save() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        for (Map.Entry<LocalDate, Day> entry : days.entrySet()) {
            Day day = entry.getValue();
            long counted = day.counted();
            if (counted != day.saved) {
                store.save(node, entry.getKey(), totals(day));
                day.saved = counted;
            }
            if (entry.getKey().isBefore(yesterday)) {
                days.remove(entry.getKey());
            }
        }
    }

    private static Map<String, Long> totals(Day day) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (IntakeRefusal kind : IntakeRefusal.values()) {
            long count = day.counts.get(kind.ordinal());
            if (count > 0) {
                totals.put(kind.key(), count);
            }
        }
        long failed = day.counts.get(FAILED_AT);
        if (failed > 0) {
            totals.put(FAILED, failed);
        }
        return totals;
    }
}
