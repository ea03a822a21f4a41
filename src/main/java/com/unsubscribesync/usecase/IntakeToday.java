package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.IntakeRefusal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every intake on the store refused today, by kind (every kind, zeros included), and its failed commits.
 *
 * @param failed unsubscribes taken that could not be written (the sender was told to send them again)
 */
public record IntakeToday(Map<IntakeRefusal, Long> refused, long failed) {
    public IntakeToday {
        Map<IntakeRefusal, Long> every = new EnumMap<>(IntakeRefusal.class);
        for (IntakeRefusal kind : IntakeRefusal.values()) {
            every.put(kind, refused.getOrDefault(kind, 0L));
        }
        refused = Map.copyOf(every);
    }

    /** From the store's totals, by the keys the tally wrote them under. */
    static IntakeToday of(Map<String, Long> totals) {
        Map<IntakeRefusal, Long> refused = new EnumMap<>(IntakeRefusal.class);
        for (IntakeRefusal kind : IntakeRefusal.values()) {
            refused.put(kind, totals.getOrDefault(kind.key(), 0L));
        }
        return new IntakeToday(refused, totals.getOrDefault(IntakeTally.FAILED, 0L));
    }

    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "refused today: 12 (too fast 10, bad link 2); failed commits today: 0", the largest count first. */
    public String words() {
        String kinds = refused.entrySet().stream()
                .filter(kind -> kind.getValue() > 0)
                .sorted(Map.Entry.<IntakeRefusal, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(kind -> kind.getKey().words() + " " + kind.getValue())
                .collect(Collectors.joining(", "));
        return "refused today: " + refusedTotal() + (kinds.isEmpty() ? "" : " (" + kinds + ")")
                + "; failed commits today: " + failed;
    }
}
