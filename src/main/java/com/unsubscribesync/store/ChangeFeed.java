package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever listens what committed writes changed, so that nodes and open consoles read again at once instead
 * of at their next poll (ADR 0064). On PostgreSQL a write's transaction sends a notification that the database
 * delivers, on commit only, to one listening connection in every process of the team, this one included; on H2 (one
 * desktop) this process's listeners are told after the commit, and other processes keep their loopback wake and
 * polls. This class is where the two differ.
 */
public final class ChangeFeed implements AutoCloseable {
    static final String CHANNEL = "unsubscribe_sync_changes";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final Optional<ConnectionSource> listeningConnection;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private Optional<PostgreSqlNotifications> notifications = Optional.empty();
    private boolean closed;

    /** Opens a connection of its own to the database, outside the pool, which it may hold for hours. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** A listener's place in the feed, given up by closing it. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private ChangeFeed(Optional<ConnectionSource> listeningConnection) {
        this.listeningConnection = listeningConnection;
    }

    static ChangeFeed inThisProcess() {
        return new ChangeFeed(Optional.empty());
    }

    static ChangeFeed of(SqlDialect dialect, ConnectionSource listeningConnection) {
        return new ChangeFeed(dialect == SqlDialect.POSTGRESQL ? Optional.of(listeningConnection) : Optional.empty());
    }

    /** Sent in the transaction, just before it commits: PostgreSQL delivers them with the commit, or never. */
    void beforeCommit(Connection transaction, Set<Change> changed) throws SQLException {
        if (listeningConnection.isEmpty() || changed.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = transaction.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (Change change : changed) {
                notify.setString(1, CHANNEL);
                notify.setString(2, change.name());
                notify.executeQuery().close();
            }
        }
    }

    /** On H2 this process's listeners hear of a commit here; on PostgreSQL through its listening connection. */
    void afterCommit(Set<Change> changed) {
        if (listeningConnection.isEmpty()) {
            changed.forEach(this::tell);
        }
    }

    /**
     * Calls {@code listener} with each kind of change committed from now on, by this process and, on PostgreSQL, by
     * any process on the same database; after the listening connection was lost and made again, with every kind,
     * since what happened meanwhile is unknown. It is called on the feed's own thread or a writer's, so it must be
     * quick: hand the work to another thread.
     */
    public synchronized Subscription listen(Consumer<Change> listener) {
        if (closed) {
            throw new IllegalStateException("The store is closed");
        }
        listeners.add(listener);
        if (notifications.isEmpty() && listeningConnection.isPresent()) {
            notifications = Optional.of(PostgreSqlNotifications.start(
                    listeningConnection.get(), CHANNEL, this::tell, this::tellEverything));
        }
        return () -> listeners.remove(listener);
    }

    /** Whether writes of other processes reach this one's listeners (PostgreSQL), or only this process's (H2). */
    public boolean reachesOtherProcesses() {
        return listeningConnection.isPresent();
    }

    /** Whether a listener would hear a commit made now: on PostgreSQL, once the listening connection listens. */
    public synchronized boolean listening() {
        return !closed
                && (listeningConnection.isEmpty()
                        || notifications.map(PostgreSqlNotifications::listening).orElse(false));
    }

    private void tell(Change change) {
        for (Consumer<Change> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the store's changes failed on {}", change, e);
            }
        }
    }

    private void tellEverything() {
        for (Change change : Change.values()) {
            tell(change);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        listeners.clear();
        notifications.ifPresent(PostgreSqlNotifications::close);
        notifications = Optional.empty();
    }
}
