package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.SavedStore;
import com.unsubscribesync.store.StoreChoice;
import java.util.Optional;

/**
 * Where the console keeps its data: the store in use and where that choice came from, trying a team's PostgreSQL,
 * saving it as this data directory's choice for the next start, or going back to this computer's file (ADR 0066).
 */
public final class ChooseStore {
    private final StoreChoice inUse;
    private final SavedStore saved;

    public ChooseStore(StoreChoice inUse, SavedStore saved) {
        this.inUse = inUse;
        this.saved = saved;
    }

    public StoreChoice inUse() {
        return inUse;
    }

    /** The URL saved on the Connection screen as shown (no query, no password); empty when none is. */
    public Optional<String> saved() {
        return saved.url()
                .map(url -> new StoreChoice(
                                StoreChoice.Source.SAVED, Optional.of(url), Optional.empty(), inUse.dataDirectory())
                        .shown());
    }

    /** Why a saved choice would not be used: the store was named on the command line or in the environment. */
    public Optional<String> overridden() {
        return switch (inUse.source()) {
            case COMMAND_LINE, ENVIRONMENT ->
                Optional.of("The store is set by " + inUse.source().said() + ", which wins over a choice saved here.");
            case SAVED, DEFAULT -> Optional.empty();
        };
    }

    /**
     * Opens the store the URL names, bringing its tables up to date, and closes it again.
     *
     * @param password empty: the saved password when the URL is the saved one, else none
     * @return what was reached, in one line
     * @throws InvalidInputException in one line when the URL is not PostgreSQL's or the database cannot be used
     */
    public String test(String url, String password) {
        String given = checked(url);
        try (Database database = Database.openUrl(given, passwordFor(given, password), PoolSize.DESKTOP)) {
            return "Reached " + database.described() + ".";
        }
    }

    /** Tests the store, then saves it as this data directory's choice; it is used from the next start on. */
    public String use(String url, String password) {
        String given = checked(url);
        Optional<String> kept = passwordFor(given, password);
        String reached = test(given, password);
        saved.save(given, kept);
        return reached;
    }

    /** Deletes the saved choice; true when there was one. */
    public boolean backToThisComputer() {
        return saved.forget();
    }

    private Optional<String> passwordFor(String url, String typed) {
        if (!typed.isEmpty()) {
            return Optional.of(typed);
        }
        return saved.url().filter(url::equals).isPresent() ? saved.password() : Optional.empty();
    }

    private static String checked(String url) {
        String given = url.strip();
        if (!given.startsWith("jdbc:postgresql://")) {
            throw new InvalidInputException("'" + (given.isEmpty() ? "" : given.split("\\?", 2)[0])
                    + "' is not a PostgreSQL URL: give jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER");
        }
        if (StoreChoice.holdsPassword(given)) {
            throw new InvalidInputException(
                    "the URL must not hold the password: remove password=… from it and type the password in the "
                            + "Password field");
        }
        return given;
    }
}
