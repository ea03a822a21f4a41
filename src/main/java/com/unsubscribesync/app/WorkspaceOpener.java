package com.unsubscribesync.app;

import com.unsubscribesync.collect.ImportScratch;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.OwnerOnly;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Opens the data directory the same way for every front end: command line, console and server. */
final class WorkspaceOpener {
    private final Map<String, String> env;
    private final Clock clock;

    WorkspaceOpener(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    AppWorkspace open(Optional<Path> option) {
        Path directory = DataDirectory.prepare(DataDirectory.locate(
                option, env, System.getProperty("os.name"), Path.of(System.getProperty("user.home"))));
        LogFile.attach(directory);
        ImportScratch.removeLeftovers(directory.resolve(ImportScratch.FOLDER));
        Database database = Database.openFile(directory);
        // H2 made its lock file (the auto-server's port and key) with the umask's mode; the folder is 0700 already.
        OwnerOnly.restrictTree(directory);
        return new AppWorkspace(directory, database, clock, actor(), env);
    }

    static String actor() {
        return System.getProperty("user.name", "admin");
    }
}
