package com.unsubscribesync.app;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the database, logs, demo org state and credentials live: option, else environment, else per-OS default. */
final class DataDirectory {
    static final String ENVIRONMENT_VARIABLE = "UNSUBSCRIBE_SYNC_HOME";

    private DataDirectory() {}

    static Path locate(Optional<Path> option, Map<String, String> env, String osName, Path home) {
        if (option.isPresent()) {
            return option.get();
        }
        String fromEnv = env.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve("Unsubscribe Sync");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Unsubscribe Sync");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("unsubscribe-sync");
    }

    /**
     * Creates the folder if needed, open to its owner only (it holds the database, the log and the sealed
     * credentials); a file in its place, or a folder that cannot be written, is refused. A folder that already
     * exists is made owner-only too when this user owns it ({@link #secure}).
     */
    static Path prepare(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new InvalidInputException(
                    "data directory " + directory + " is a file: give a folder with --data-dir");
        }
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory.toAbsolutePath().getParent());
                if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectory(
                            directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(directory);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("data directory " + directory + " cannot be created (" + e.getMessage()
                    + "): give a writable folder with --data-dir");
        }
        secure(directory);
        if (!Files.isWritable(directory)) {
            throw new InvalidInputException(
                    "data directory " + directory + " is not writable: give a writable folder " + "with --data-dir");
        }
        return directory;
    }

    /**
     * The folder must be this user's and nobody else's: one the admin made 0755 (README's server setup) is
     * tightened to 0700 with everything in it, before any file is opened. A folder that belongs to another user is
     * refused, whatever its mode: its owner could read or swap the files, and files made there by this user would
     * lock its owner out of them. Skipped where the file system has no POSIX owners and modes.
     */
    static void secure(Path directory) {
        if (!OwnerOnly.supported(directory)) {
            return;
        }
        try {
            UserPrincipal owner = Files.getOwner(directory);
            UserPrincipal user = OwnerOnly.thisUser(directory);
            if (!owner.equals(user)) {
                throw new InvalidInputException("data directory " + directory + " belongs to " + owner.getName()
                        + ", not to " + user.getName() + " who runs Unsubscribe Sync: run it as " + owner.getName()
                        + ", or give a folder of your own with --data-dir");
            }
            OwnerOnly.restrictTree(directory);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("data directory " + directory + " cannot be made private to its owner ("
                    + e.getMessage() + "): give a folder of your own with --data-dir");
        }
    }
}
