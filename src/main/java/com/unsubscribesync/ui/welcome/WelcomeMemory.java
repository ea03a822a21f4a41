package com.unsubscribesync.ui.welcome;

import com.unsubscribesync.files.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether this data directory has shown the welcome: a marker file in it. Touches the disk: not on the FX thread. */
public final class WelcomeMemory {
    public static final String FILE = "welcome-shown";
    private static final Logger LOG = LoggerFactory.getLogger(WelcomeMemory.class);

    private final Path file;

    public WelcomeMemory(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    public boolean shown() {
        return Files.exists(file);
    }

    /** A marker that cannot be written only means the welcome comes again next time. */
    public void remember() {
        try {
            OwnerOnly.write(
                    file,
                    "The console's first-run welcome was shown for this data directory.\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Could not remember that the welcome was shown ({})", e.getMessage());
        }
    }
}
