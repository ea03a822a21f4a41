package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows read once from an iterator, written a batch at a time: each batch is read into a list of its own before its
 * transaction starts, so a transaction run again after a deadlock writes the same rows again (ADR 0045). A failure
 * after a batch was committed is a {@link PartlySavedException} that says how many rows were saved.
 */
final class Batches {
    static final int SIZE = 1000;

    private Batches() {}

    /**
     * @param what  the rows a batch adds, as the message of a write stopped part-way names them
     * @return how many rows the batches added
     */
    static <T> long write(Database database, Iterator<T> rows, String what, Batch<T> batchWork) {
        long added = 0;
        long saved = 0;
        try {
            while (rows.hasNext()) {
                List<T> batch = next(rows);
                added += database.inTransaction(connection -> batchWork.write(connection, batch));
                saved += batch.size();
            }
        } catch (RuntimeException e) {
            if (saved == 0) {
                throw e;
            }
            throw new PartlySavedException(saved, added, what, e);
        }
        return added;
    }

    private static <T> List<T> next(Iterator<T> rows) {
        List<T> batch = new ArrayList<>(SIZE);
        while (batch.size() < SIZE && rows.hasNext()) {
            batch.add(rows.next());
        }
        return List.copyOf(batch);
    }

    @FunctionalInterface
    interface Batch<T> {
        /** Writes the whole batch in the transaction it is given; returns how many rows it added. */
        long write(Connection connection, List<T> batch) throws SQLException;
    }
}
