package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A run lock's holder and the fencing number it got when it took the lock. A write made under it first checks, in
 * its own transaction, that the lock still has this holder and number: once another holder took the lock over, the
 * write is refused, however long the old holder was paused and whatever its clock says (ADR 0060).
 */
public record Fence(String lock, String holder, long number) {
    /**
     * Locks the run lock's row until the transaction ends, so that no holder takes the lock over between this check
     * and the commit of the write it guards.
     */
    void check(Connection connection) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT holder, fence FROM run_lock WHERE name = ? FOR UPDATE")) {
            select.setString(1, lock);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || !rows.getString(1).equals(holder) || rows.getLong(2) != number) {
                    throw new LeaseLostException(lock);
                }
            }
        }
    }

    /** A write refused because its run no longer holds the run lock: another run has taken over. */
    public static final class LeaseLostException extends StoreException {
        private static final long serialVersionUID = 1L;

        LeaseLostException(String lock) {
            super("Another sync run took over the lock '" + lock + "' while this one was paused; "
                    + "this run's result was not written, and the other run finishes the work.");
        }
    }
}
