package com.unsubscribesync.app;

import com.unsubscribesync.collect.ImportScratch;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import com.unsubscribesync.store.CompactedFile;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.SavedStore;
import com.unsubscribesync.store.StoreChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Opens the data directory the same way for every front end: command line, console and server. */
final class WorkspaceOpener {
    static final String STORE = "UNSUBSCRIBE_SYNC_STORE";
    static final String STORE_PASSWORD = "UNSUBSCRIBE_SYNC_STORE_PASSWORD";
    /** The admin's name as history and conflicts show who made a change; without it, the operating system's user. */
    static final String ADMIN = "UNSUBSCRIBE_SYNC_ADMIN";

    private static final int LONGEST_ADMIN_NAME = 100;

    private final Map<String, String> env;
    private final Clock clock;

    WorkspaceOpener(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /**
     * @param store the {@code --store} URL; else {@code UNSUBSCRIBE_SYNC_STORE}; else the choice saved in the data
     *     directory; else the file in the data directory, which keeps the log and import scratch either way
     * @param pool  how many connections to keep to a store named by a URL
     */
    AppWorkspace open(Optional<Path> option, Optional<String> store, PoolSize pool) {
        String actor = actor();
        StoreChoice choice = chosen(option, store);
        Path directory = choice.dataDirectory();
        ImportScratch.removeLeftovers(directory.resolve(ImportScratch.FOLDER));
        Database database = opened(choice, pool);
        // H2 made its lock file (the auto-server's port and key) with the umask's mode; the folder is 0700 already.
        OwnerOnly.restrictTree(directory);
        AppWorkspace workspace = new AppWorkspace(
                directory, database, clock, actor, env, Optional.empty(), Optional.empty(), !choice.thisComputer());
        workspace.storeInUse(choice);
        return workspace;
    }

    /**
     * Compacts the data directory's H2 file, which must be the store in use: a team's PostgreSQL reclaims its space
     * itself.
     */
    CompactedFile compactStoreFile(Optional<Path> option, Optional<String> store) {
        StoreChoice choice = chosen(option, store);
        if (!choice.thisComputer()) {
            throw new InvalidInputException("store compact works on this computer's store file, and the store in use, "
                    + "from " + choice.source().said() + ", is " + choice.shown() + ": PostgreSQL reclaims its own "
                    + "space (autovacuum); to compact the file, run it without that store");
        }
        return Database.compactFile(choice.dataDirectory());
    }

    /** The data directory (made ready, its log attached) and the store chosen for it. */
    private StoreChoice chosen(Optional<Path> option, Optional<String> store) {
        Path directory = DataDirectory.prepare(DataDirectory.locate(
                option, env, System.getProperty("os.name"), Path.of(System.getProperty("user.home"))));
        LogFile.attach(directory);
        return StoreChoice.resolve(
                store,
                Optional.ofNullable(env.get(STORE)),
                Optional.ofNullable(env.get(STORE_PASSWORD)),
                directory,
                new SavedStore(directory));
    }

    /** A saved choice that no longer opens says how to go back, since the console cannot open to forget it. */
    private static Database opened(StoreChoice choice, PoolSize pool) {
        try {
            return choice.open(pool);
        } catch (InvalidInputException e) {
            if (choice.source() != StoreChoice.Source.SAVED) {
                throw e;
            }
            throw new InvalidInputException(e.getMessage() + " (this store was chosen on the Connection screen: to "
                    + "go back to this computer's file, delete "
                    + choice.dataDirectory().resolve(SavedStore.FILE)
                    + ")");
        }
    }

    /** The {@code --store} URL, else {@code UNSUBSCRIBE_SYNC_STORE}; empty for the data directory's own file. */
    static Optional<String> storeUrl(Optional<String> store, Map<String, String> env) {
        return store.or(() -> Optional.ofNullable(env.get(STORE)))
                .map(String::strip)
                .filter(given -> !given.isEmpty());
    }

    /** Who this process records as making its changes: a team shares one store, so each admin can say who they are. */
    String actor() {
        String given = env.getOrDefault(ADMIN, "").strip();
        if (given.isEmpty()) {
            return System.getProperty("user.name", "admin");
        }
        if (given.length() > LONGEST_ADMIN_NAME || given.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(ADMIN + " is not a name history can show (" + given.length()
                    + " characters"
                    + (given.chars().anyMatch(Character::isISOControl) ? ", with control characters" : "")
                    + "): give the admin's name in at most " + LONGEST_ADMIN_NAME + " characters on one line");
        }
        return given;
    }
}
