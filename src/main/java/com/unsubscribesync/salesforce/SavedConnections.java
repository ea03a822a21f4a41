package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;
import java.util.Optional;

/**
 * Where the connection to reconnect with is kept: this computer's data directory ({@link CredentialStore}) or, with
 * a shared store, the team's store ({@link TeamConnection}). A kept connection that cannot be opened is said with
 * an {@link InvalidInputException} whose one line names the fix.
 */
public interface SavedConnections {

    /** Fails before anything is asked of Salesforce when a new connection could not be kept (e.g. no team key). */
    void readyToSave();

    void save(SavedConnection connection);

    /** The kept connection; empty when there is none. */
    Optional<SavedConnection> load();

    /** Why the kept connection cannot be used, when it is there but does not open; empty when fine or absent. */
    default Optional<String> problem() {
        try {
            load();
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether a connection is kept, whether or not it can be opened. */
    boolean saved();

    /** Deletes the kept connection; true when there was one. */
    boolean forget();

    /** Whether the connection is the team's, kept in the shared store, rather than this computer's. */
    boolean team();
}
