package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the {@link SavedConnection} encrypted with AES-256-GCM under a key made for this installation. Both the
 * key and the encrypted file live in the data directory with owner-only permissions (0600), so a copied database
 * or log carries no usable secret; {@link #forget()} deletes both. The OS keychain is not used yet.
 */
public final class CredentialStore implements SavedConnections {
    static final String CONNECTION_FILE = "salesforce-connection.enc";
    static final String KEY_FILE = "salesforce-connection.key";
    private static final int KEY_BYTES = 32;
    private static final String RESTORE_OR_RECONNECT =
            "restore it from the backup of this data directory, or " + "reconnect ('disconnect', then 'connect')";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final SecureRandom random = new SecureRandom();
    private final ConnectionSeal seal = new ConnectionSeal("unsubscribe-sync connection v1");

    public CredentialStore(Path dataDirectory) {
        this.directory = dataDirectory;
    }

    @Override
    public void readyToSave() {}

    @Override
    public void save(SavedConnection connection) {
        try {
            writePrivately(directory.resolve(CONNECTION_FILE), seal.seal(connection, keyForSaving()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "the Salesforce connection could not be saved in " + directory + " ("
                            + e.getClass().getSimpleName() + "): check that the data directory is writable",
                    e);
        }
    }

    /**
     * The saved connection; empty when there is none.
     *
     * @throws DamagedFileException when there is one but its key is missing or damaged, or it does not open with
     *     its key: the message names the file and the fix (restore it from a backup, or reconnect)
     */
    @Override
    public Optional<SavedConnection> load() {
        Path file = directory.resolve(CONNECTION_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            SecretKey key = existingKey()
                    .orElseThrow(() -> new DamagedFileException("the key file "
                            + directory.resolve(KEY_FILE)
                            + " is missing, so the saved Salesforce connection cannot be opened: "
                            + RESTORE_OR_RECONNECT));
            return Optional.of(seal.open(Files.readAllBytes(file), key, why -> unreadable(file, why)));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            if (e instanceof DamagedFileException damaged) {
                throw damaged;
            }
            throw unreadable(
                    file,
                    "it does not open with its key " + KEY_FILE + " (damaged, or the two are from "
                            + "different copies)");
        }
    }

    private static DamagedFileException unreadable(Path file, String why) {
        return new DamagedFileException("the saved Salesforce connection in " + file + " cannot be read: " + why
                + " — restore both files from the same backup, or connect again with 'connect'");
    }

    /** Whether a connection was saved here, whether or not it can be opened with the key beside it. */
    @Override
    public boolean saved() {
        return Files.exists(directory.resolve(CONNECTION_FILE));
    }

    /** Deletes the saved connection and its key; true when there was something to delete. */
    @Override
    public boolean forget() {
        try {
            boolean had = Files.deleteIfExists(directory.resolve(CONNECTION_FILE));
            return Files.deleteIfExists(directory.resolve(KEY_FILE)) || had;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the saved Salesforce connection in " + directory + " could not be deleted (" + e.getMessage()
                            + "): delete " + CONNECTION_FILE + " by hand",
                    e);
        }
    }

    /** This installation's key; a missing or damaged one is replaced, since what it sealed is being replaced. */
    private SecretKey keyForSaving() throws IOException, GeneralSecurityException {
        try {
            Optional<SecretKey> existing = existingKey();
            if (existing.isPresent()) {
                return existing.get();
            }
        } catch (DamagedFileException damaged) {
            // replaced below
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, random);
        SecretKey key = generator.generateKey();
        writePrivately(directory.resolve(KEY_FILE), key.getEncoded());
        return key;
    }

    private Optional<SecretKey> existingKey() throws IOException {
        Path file = directory.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw new DamagedFileException("the key file " + file + " is damaged (" + key.length + " bytes instead of "
                    + KEY_BYTES + "): " + RESTORE_OR_RECONNECT);
        }
        return Optional.of(new SecretKeySpec(key, "AES"));
    }

    /** Writes through a temporary file that is owner-only before any byte goes into it. */
    private void writePrivately(Path target, byte[] content) throws IOException {
        Files.createDirectories(directory);
        try {
            OwnerOnly.write(target, content);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean team() {
        return false;
    }
}
