package com.unsubscribesync.localorg;

import com.unsubscribesync.localorg.metadata.LayoutStore;
import com.unsubscribesync.localorg.persist.StateStore;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.OrgState;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Saves a persistent org a moment after it changes (checked every two seconds) and once more on close. */
final class Snapshots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final StateStore store;
    private final OrgState state;
    private final LayoutStore layouts;
    private final OrgCredentials credentials;
    private final ScheduledExecutorService timer;
    private long savedAt = -1;

    Snapshots(StateStore store, OrgState state, LayoutStore layouts, OrgCredentials credentials) {
        this.store = store;
        this.state = state;
        this.layouts = layouts;
        this.credentials = credentials;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "localorg-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::saveIfChanged, 2, 2, TimeUnit.SECONDS);
    }

    synchronized void saveNow() {
        long changes = state.changeCount();
        try {
            store.save(state, layouts, credentials);
            savedAt = changes;
        } catch (SQLException e) {
            LOG.error("the local org's state could not be saved: {}", e.getMessage(), e);
        }
    }

    private synchronized void saveIfChanged() {
        if (state.changeCount() != savedAt) {
            saveNow();
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: an interrupt in the middle of a save closes H2's file under it, and every save after fails.
        timer.shutdown();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            saveIfChanged();
            try {
                store.close();
            } catch (SQLException e) {
                LOG.error("the local org's state file could not be closed", e);
            }
        }
    }
}
