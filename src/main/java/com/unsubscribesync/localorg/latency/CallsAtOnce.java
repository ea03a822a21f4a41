package com.unsubscribesync.localorg.latency;

/**
 * How many API requests the org is serving at this moment, and the most it has served at once since it started or
 * was last asked to forget: what a test looks at to see that a client's calls overlapped, or never did.
 */
public final class CallsAtOnce {
    private int now;
    private int most;

    public synchronized void started() {
        now++;
        most = Math.max(most, now);
    }

    public synchronized void ended() {
        now--;
    }

    /** The most requests served at once. */
    public synchronized int most() {
        return most;
    }

    /** Starts counting the most afresh, from the requests being served now. */
    public synchronized void forget() {
        most = now;
    }
}
