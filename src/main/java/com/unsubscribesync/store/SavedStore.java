package com.unsubscribesync.store;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import com.unsubscribesync.files.SealedFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The store chosen on the Connection screen, saved in the data directory (ADR 0066): its URL in
 * {@code store.properties}, its password sealed in {@code store-password.enc} under {@code store-password.key}, all
 * owner-only. The password is a file of its own because a URL must never hold one (ADR 0055).
 */
public final class SavedStore {
    public static final String FILE = "store.properties";
    public static final String PASSWORD_FILE = "store-password.enc";
    static final String KEY_FILE = "store-password.key";
    private static final String URL = "url";

    private final Path directory;
    private final SealedFile password;

    public SavedStore(Path dataDirectory) {
        this.directory = dataDirectory;
        this.password = new SealedFile(
                dataDirectory.resolve(PASSWORD_FILE),
                dataDirectory.resolve(KEY_FILE),
                "unsubscribe-sync store password v1");
    }

    /** The saved URL; empty when none was saved. */
    public Optional<String> url() {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try {
            values.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(file, "cannot be read");
        }
        String url = values.getProperty(URL, "").strip();
        if (!url.startsWith("jdbc:")) {
            throw damaged(file, "holds no jdbc: URL");
        }
        return Optional.of(url);
    }

    /**
     * The saved password; empty when none was saved.
     *
     * @throws DamagedFileException when it is there but does not open with its key: one line naming the file and
     *     what to do
     */
    public Optional<String> password() {
        try {
            return password.open().map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (SealedFile.Unopenable e) {
            String why = switch (e.problem()) {
                case KEY_MISSING -> "its key " + KEY_FILE + " is missing";
                case KEY_DAMAGED -> "its key " + KEY_FILE + " is damaged";
                case DOES_NOT_OPEN ->
                    "it does not open with its key " + KEY_FILE + " (damaged, or the two are from different copies)";
            };
            throw new DamagedFileException("the saved store password in " + password.file() + " cannot be read: "
                    + why + " — restore both files from the same backup, or choose the store again on the "
                    + "Connection screen (or set UNSUBSCRIBE_SYNC_STORE_PASSWORD)");
        }
    }

    /** Saves the URL, and the password sealed (none: a saved one is deleted); takes effect at the next opening. */
    public void save(String url, Optional<String> newPassword) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException("the store URL must start with jdbc:postgresql:// — give "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER");
        }
        Properties values = new Properties();
        values.setProperty(URL, url);
        StringWriter text = new StringWriter();
        try {
            values.store(text, "The store this data directory uses, chosen on the Connection screen");
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.resolve(FILE), e);
        }
        // The password first: a URL saved without its password would be tried with none.
        if (newPassword.isPresent() && !newPassword.get().isEmpty()) {
            password.seal(newPassword.get().getBytes(StandardCharsets.UTF_8));
        } else {
            password.delete();
        }
        OwnerOnly.write(directory.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the saved choice, so the data directory's own file is used again; true when there was one. */
    public boolean forget() {
        try {
            boolean had = Files.deleteIfExists(directory.resolve(FILE));
            return password.delete() || had;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory.resolve(FILE), e);
        }
    }

    private static DamagedFileException damaged(Path file, String why) {
        return new DamagedFileException("the saved store choice " + file + " " + why + ": delete it to use this "
                + "computer's file, or choose the store again on the Connection screen");
    }
}
