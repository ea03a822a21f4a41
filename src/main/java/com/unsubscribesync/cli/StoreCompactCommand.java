package com.unsubscribesync.cli;

import com.unsubscribesync.store.CompactedFile;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code store compact}: gives back the space the store file holds for pages it no longer uses. */
@Command(
        name = "compact",
        mixinStandardHelpOptions = true,
        description = "Rewrite this computer's store file with only the pages it still uses, giving the rest of its "
                + "space back (a first run on a large org leaves it at its peak size). Close the console and stop "
                + "serve on this data directory first: the file must not be open elsewhere.")
public class StoreCompactCommand implements Callable<Integer> {
    private static final double MB = 1024.0 * 1024.0;

    private final Supplier<CompactedFile> compacting;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the sizes and the time as JSON.")
    boolean json;

    /** @param compacting compacts the store file of the data directory this command line names */
    public StoreCompactCommand(Supplier<CompactedFile> compacting) {
        this.compacting = compacting;
    }

    @Override
    public Integer call() {
        CompactedFile compacted = compacting.get();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("bytesBefore", compacted.bytesBefore());
            result.put("bytesAfter", compacted.bytesAfter());
            result.put("durationMs", compacted.took().toMillis());
            spec.commandLine().getOut().println(Json.write(result));
        } else {
            spec.commandLine()
                    .getOut()
                    .println(String.format(
                            Locale.ROOT,
                            "Compacted the store file from %.1f MB to %.1f MB in %.1f s.",
                            compacted.bytesBefore() / MB,
                            compacted.bytesAfter() / MB,
                            compacted.took().toMillis() / 1000.0));
        }
        return ExitCode.DONE;
    }
}
