package com.unsubscribesync.salesforce;

/** The org's daily API requests: used so far and the allowance, as the LimitInfoHeader reports them. */
public record ApiUsage(long used, long limit) {
    public long remaining() {
        return Math.max(0, limit - used);
    }

    /** Whether {@code calls} more would dip into the reserve the admin keeps for other integrations. */
    public boolean wouldCutIntoReserve(long calls, int reservePercent) {
        return calls > callsAboveReserve(reservePercent);
    }

    /** How many calls may still be made before the reserve the admin keeps for other integrations. */
    public long callsAboveReserve(int reservePercent) {
        long reserve = limit * reservePercent / 100;
        return limit - reserve - used;
    }
}
