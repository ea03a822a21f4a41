package com.unsubscribesync.cli;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.StoreCopy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code store copy}: every row of one store into another, empty one; the source is left as it was. */
@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        description = "Copy every table of one store into another, empty one (H2 <-> PostgreSQL) in one "
                + "transaction; the counts are checked and the source is left as it was. A PostgreSQL password comes "
                + "from UNSUBSCRIBE_SYNC_STORE_PASSWORD.")
public class StoreCopyCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final Supplier<Database> current;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--from",
            paramLabel = "URL",
            description = "The store to copy, a JDBC URL (default: this data directory's store, or --store).")
    String from;

    @Option(names = "--to", paramLabel = "URL", required = true, description = "The empty store to copy into.")
    String to;

    /** @param current the store this command line opened (closed by its opener) */
    public StoreCopyCommand(Map<String, String> env, Supplier<Database> current) {
        this.env = env;
        this.current = current;
    }

    @Override
    public Integer call() {
        Optional<String> password = Optional.ofNullable(env.get("UNSUBSCRIBE_SYNC_STORE_PASSWORD"));
        try (Database target = Database.openUrl(to, password, PoolSize.DESKTOP)) {
            Map<String, Long> copied;
            if (from == null) {
                copied = StoreCopy.copy(current.get(), target);
            } else {
                try (Database source = Database.openUrl(from, password, PoolSize.DESKTOP)) {
                    copied = StoreCopy.copy(source, target);
                }
            }
            long rows = copied.values().stream().mapToLong(Long::longValue).sum();
            spec.commandLine().getOut().println("Copied " + rows + " rows in " + copied.size() + " tables: " + copied);
        }
        return ExitCode.DONE;
    }
}
