package com.unsubscribesync.sync;

/**
 * What one pass of the real-time pusher did.
 *
 * @param entries    outbox entries looked at
 * @param written    records whose opt-out was set
 * @param settled    entries done (written, already opted out, or handed to the admin as a conflict)
 * @param retrying   entries put back for a later attempt
 * @param conflicts  conflicts raised
 */
public record PushReport(int entries, int written, int settled, int retrying, int conflicts) {
    public static final PushReport NOTHING = new PushReport(0, 0, 0, 0, 0);

    public PushReport plus(PushReport other) {
        return new PushReport(
                entries + other.entries,
                written + other.written,
                settled + other.settled,
                retrying + other.retrying,
                conflicts + other.conflicts);
    }
}
