package com.unsubscribesync.app;

import com.unsubscribesync.cli.ServeState;
import com.unsubscribesync.layout.LayoutOrg;
import com.unsubscribesync.salesforce.OpenOrg;
import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.salesforce.SalesforceBulk;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.sync.CurrentOrg;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open connection to the connected org, shared by the engine's workers and the layout tools and opened on first
 * use; each is handed the API it uses of it. Not being
 * connected at all is an empty answer; an org that cannot be opened right now is an exception the caller retries,
 * and until the next try of its {@link SalesforceWait} the exception comes at once, without calling Salesforce.
 */
final class SharedOrg implements CurrentOrg, AutoCloseable {
    static final String WAITING = "WAITING_FOR_SALESFORCE";
    private static final String NOT_CONNECTED = "NOT_CONNECTED";
    private static final Logger LOG = LoggerFactory.getLogger(SharedOrg.class);

    private final OrgConnector connector;
    private final BooleanSupplier connectionSaved;
    private final Clock clock;
    private final SalesforceWait wait = new SalesforceWait();
    private Consumer<Optional<ServeState.Waiting>> onChange = state -> {};
    private OpenOrg open;
    private boolean unreadable;

    /** @param connectionSaved whether a connection was saved, even one that cannot be read now */
    SharedOrg(OrgConnector connector, BooleanSupplier connectionSaved, Clock clock) {
        this.connector = connector;
        this.connectionSaved = connectionSaved;
        this.clock = clock;
    }

    /** The records of the connected org, for the engine. */
    @Override
    public Optional<SalesforceOrg> current() {
        return connection().map(OpenOrg::records);
    }

    /** The Bulk API of the connection {@link #current()} answers with, for the engine's large pushes. */
    SalesforceBulk bulk() {
        return (type, fieldApiName, ids, value) -> connection()
                .orElseThrow(() -> new SalesforceException(
                        SalesforceException.Kind.AUTHENTICATION,
                        NOT_CONNECTED,
                        "No Salesforce org is connected any more: " + "connect again and the push continues.",
                        null))
                .bulk()
                .setOptOutInBulk(type, fieldApiName, ids, value);
    }

    /** The records and page layouts of the connected org, for the layout tools. */
    Optional<LayoutOrg> forLayouts() {
        return connection().map(LayoutOrg::of);
    }

    private synchronized Optional<OpenOrg> connection() {
        if (open == null) {
            Optional<ServeState.Waiting> waiting = wait.state().filter(w -> !wait.mayTry(clock.instant()));
            if (waiting.isPresent() && unreadable) {
                return Optional.empty();
            }
            waiting.ifPresent(w -> {
                throw new SalesforceException(
                        SalesforceException.Kind.UNAVAILABLE,
                        WAITING,
                        "Waiting for Salesforce " + "since " + w.since() + " (" + w.problem() + "); next try at "
                                + w.nextTry() + ".",
                        null);
            });
            try {
                open = connector.open();
            } catch (SalesforceException e) {
                boolean notConnected =
                        e.statusCode().filter(NOT_CONNECTED::equals).isPresent();
                if (notConnected && !connectionSaved.getAsBoolean()) {
                    return Optional.empty();
                }
                // A saved connection that cannot be read (its key missing or damaged) is waited for like an outage:
                // 'connect' writes a new one, and the next try picks it up. It stays "not connected" to commands.
                unreadable = notConnected;
                failed(e);
                if (notConnected) {
                    return Optional.empty();
                }
                throw e;
            }
            wait.reached().ifPresent(waited -> {
                LOG.info(
                        "Salesforce reached again after waiting {} s",
                        Duration.between(waited.since(), clock.instant()).toSeconds());
                onChange.accept(Optional.empty());
            });
        }
        return Optional.of(open);
    }

    private void failed(SalesforceException e) {
        ServeState.Waiting waiting = wait.failed(clock.instant(), e.getMessage());
        LOG.warn(
                "Salesforce could not be opened ({}): waiting since {}, next try at {}",
                e.getMessage(),
                waiting.since(),
                waiting.nextTry());
        onChange.accept(Optional.of(waiting));
    }

    /** Whether Salesforce is being waited for, and until when. */
    synchronized Optional<ServeState.Waiting> waiting() {
        return wait.state();
    }

    /** Who is told when waiting for Salesforce starts, moves its next try, or ends. */
    synchronized void whenWaitingChanges(Consumer<Optional<ServeState.Waiting>> listener) {
        this.onChange = listener;
    }

    /**
     * Drops the connection, e.g. after a connect, a disconnect or a refused session; the next use opens a new one
     * at once, even while waiting for Salesforce.
     */
    synchronized void reset() {
        close();
        if (wait.reached().isPresent()) {
            onChange.accept(Optional.empty());
        }
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
