package com.unsubscribesync.app;

import com.unsubscribesync.collect.ImportScratch;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.OwnerOnly;
import com.unsubscribesync.store.PoolSize;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Opens the data directory the same way for every front end: command line, console and server. */
final class WorkspaceOpener {
    static final String STORE = "UNSUBSCRIBE_SYNC_STORE";
    static final String STORE_PASSWORD = "UNSUBSCRIBE_SYNC_STORE_PASSWORD";

    private final Map<String, String> env;
    private final Clock clock;

    WorkspaceOpener(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /**
     * @param store the {@code --store} URL; else {@code UNSUBSCRIBE_SYNC_STORE}; else the file in the data directory,
     *     which keeps the log and import scratch either way
     * @param pool  how many connections to keep to a store named by a URL
     */
    AppWorkspace open(Optional<Path> option, Optional<String> store, PoolSize pool) {
        Path directory = DataDirectory.prepare(DataDirectory.locate(
                option, env, System.getProperty("os.name"), Path.of(System.getProperty("user.home"))));
        LogFile.attach(directory);
        ImportScratch.removeLeftovers(directory.resolve(ImportScratch.FOLDER));
        Optional<String> url = store.or(() -> Optional.ofNullable(env.get(STORE)))
                .map(String::strip)
                .filter(given -> !given.isEmpty());
        Database database = url.isPresent()
                ? Database.openUrl(url.get(), Optional.ofNullable(env.get(STORE_PASSWORD)), pool)
                : Database.openFile(directory);
        // H2 made its lock file (the auto-server's port and key) with the umask's mode; the folder is 0700 already.
        OwnerOnly.restrictTree(directory);
        return new AppWorkspace(directory, database, clock, actor(), env);
    }

    static String actor() {
        return System.getProperty("user.name", "admin");
    }
}
