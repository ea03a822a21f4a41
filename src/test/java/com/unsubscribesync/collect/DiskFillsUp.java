package com.unsubscribesync.collect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/** An H2 trigger that fails inserts, as a full disk would, once {@link #ROWS_THAT_FIT} rows were inserted. */
public final class DiskFillsUp implements Trigger {
    static final AtomicInteger ROWS_THAT_FIT = new AtomicInteger(Integer.MAX_VALUE);

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (ROWS_THAT_FIT.getAndDecrement() <= 0) {
            throw new SQLException("IO Exception: \"No space left on device\"", "90028");
        }
    }
}
