package com.unsubscribesync.localorg.latency;

/**
 * What one call of an operation costs in time: a fixed part (the round trip and the org's work per request) and a
 * part per row or record (rows returned by a query, records sent in a save or a Bulk batch).
 */
public record CallCost(double fixedMillis, double perRowMillis) {
    public static final CallCost FREE = new CallCost(0, 0);

    public CallCost {
        if (fixedMillis < 0 || perRowMillis < 0) {
            throw new IllegalArgumentException("a call cannot take negative time");
        }
    }

    public double millis(int rows) {
        return fixedMillis + perRowMillis * Math.max(0, rows);
    }
}
