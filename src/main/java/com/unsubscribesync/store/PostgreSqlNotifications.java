package com.unsubscribesync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection per process that LISTENs on the change channel, on a daemon thread: it hands each notification's
 * change on, and when the connection is lost (a restarted server, a network cut, an administrator ending it) makes
 * it again with growing pauses and then says everything may have changed, since notifications sent meanwhile are
 * gone.
 */
final class PostgreSqlNotifications implements AutoCloseable {
    private static final int WAIT_MILLIS = 500;
    /** A quiet connection is checked this often, so that one cut without a word is noticed. */
    private static final Duration CHECK_QUIET = Duration.ofSeconds(10);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PostgreSqlNotifications.class);

    private final ChangeFeed.ConnectionSource source;
    private final String channel;
    private final Consumer<Change> changed;
    private final Runnable missedSome;
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean stopped;

    private PostgreSqlNotifications(
            ChangeFeed.ConnectionSource source, String channel, Consumer<Change> changed, Runnable missedSome) {
        this.source = source;
        this.channel = channel;
        this.changed = changed;
        this.missedSome = missedSome;
        this.thread = new Thread(this::listenUntilStopped, "store-change-listener");
        thread.setDaemon(true);
    }

    static PostgreSqlNotifications start(
            ChangeFeed.ConnectionSource source, String channel, Consumer<Change> changed, Runnable missedSome) {
        PostgreSqlNotifications notifications = new PostgreSqlNotifications(source, channel, changed, missedSome);
        notifications.thread.start();
        return notifications;
    }

    boolean listening() {
        return listening;
    }

    private void listenUntilStopped() {
        Duration pause = FIRST_PAUSE;
        boolean lost = false;
        while (!stopped) {
            try (Connection connection = source.open()) {
                if (stopped) {
                    return;
                }
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                listening = true;
                pause = FIRST_PAUSE;
                if (lost) {
                    LOG.info("Listening to the store's changes again");
                    missedSome.run();
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                if (!lost) {
                    LOG.warn(
                            "Lost the connection that hears the store's changes ({}); making it again", e.getMessage());
                }
                lost = true;
                pause = pauseThenLonger(pause);
            } finally {
                listening = false;
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!stopped) {
            PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : received) {
                    Change.named(notification.getParameter()).ifPresent(changed);
                }
            } else if (System.nanoTime() - quietSince > CHECK_QUIET.toNanos()) {
                try (Statement check = connection.createStatement()) {
                    check.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Duration pauseThenLonger(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        Duration longer = pause.multipliedBy(2);
        return longer.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : longer;
    }

    /** Stops listening: the thread ends its wait for notifications within half a second and closes the connection. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
