package com.unsubscribesync.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.files.SealedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the {@link SavedConnection} encrypted with AES-256-GCM under a key made for this installation. Both the
 * key and the encrypted file live in the data directory with owner-only permissions (0600), so a copied database
 * or log carries no usable secret; {@link #forget()} deletes both. The OS keychain is not used yet.
 */
public final class CredentialStore {
    static final String CONNECTION_FILE = "salesforce-connection.enc";
    static final String KEY_FILE = "salesforce-connection.key";
    /** Bound into the seal; files sealed by earlier versions were sealed with it too. */
    private static final String ASSOCIATED_DATA = "unsubscribe-sync connection v1";

    private static final String RESTORE_OR_RECONNECT =
            "restore it from the backup of this data directory, or " + "reconnect ('disconnect', then 'connect')";

    private final Path directory;
    private final SealedFile sealed;
    private final ObjectMapper json = new ObjectMapper();

    public CredentialStore(Path dataDirectory) {
        this.directory = dataDirectory;
        this.sealed = new SealedFile(
                dataDirectory.resolve(CONNECTION_FILE), dataDirectory.resolve(KEY_FILE), ASSOCIATED_DATA);
    }

    public void save(SavedConnection connection) {
        try {
            sealed.seal(json.writeValueAsBytes(toJson(connection)));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
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
    public Optional<SavedConnection> load() {
        Path file = directory.resolve(CONNECTION_FILE);
        try {
            Optional<byte[]> plain = sealed.open();
            return plain.isEmpty() ? Optional.empty() : Optional.of(fromJson(json.readTree(plain.get()), file));
        } catch (IOException e) {
            throw doesNotOpen(file);
        } catch (SealedFile.Unopenable e) {
            throw switch (e.problem()) {
                case KEY_MISSING ->
                    new DamagedFileException("the key file " + directory.resolve(KEY_FILE)
                            + " is missing, so the saved Salesforce connection cannot be opened: "
                            + RESTORE_OR_RECONNECT);
                case KEY_DAMAGED ->
                    new DamagedFileException("the key file " + directory.resolve(KEY_FILE)
                            + " is damaged (" + e.keyBytes() + " bytes instead of " + SealedFile.KEY_BYTES + "): "
                            + RESTORE_OR_RECONNECT);
                case DOES_NOT_OPEN -> doesNotOpen(file);
            };
        }
    }

    private static DamagedFileException doesNotOpen(Path file) {
        return unreadable(
                file, "it does not open with its key " + KEY_FILE + " (damaged, or the two are from different copies)");
    }

    private static DamagedFileException unreadable(Path file, String why) {
        return new DamagedFileException("the saved Salesforce connection in " + file + " cannot be read: " + why
                + " — restore both files from the same backup, or connect again with 'connect'");
    }

    /** Why the saved connection cannot be used, when it is there but damaged; empty when it is fine or absent. */
    public Optional<String> problem() {
        try {
            load();
            return Optional.empty();
        } catch (DamagedFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether a connection was saved here, whether or not it can be opened with the key beside it. */
    public boolean saved() {
        return Files.exists(directory.resolve(CONNECTION_FILE));
    }

    /** Deletes the saved connection and its key; true when there was something to delete. */
    public boolean forget() {
        try {
            return sealed.delete();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(
                    "the saved Salesforce connection in " + directory + " could not be deleted ("
                            + e.getCause().getMessage() + "): delete " + CONNECTION_FILE + " by hand",
                    e);
        }
    }

    private ObjectNode toJson(SavedConnection connection) {
        ObjectNode node = json.createObjectNode();
        if (connection instanceof SavedConnection.Demo) {
            node.put("kind", "demo");
        } else if (connection instanceof SavedConnection.BrowserSignIn browser) {
            node.put("kind", "browser")
                    .put("loginUrl", browser.loginUrl())
                    .put("clientId", browser.clientId())
                    .put("refreshToken", browser.refreshToken());
            browser.clientSecret().ifPresent(secret -> node.put("clientSecret", secret));
        } else if (connection instanceof SavedConnection.ClientCredentials client) {
            node.put("kind", "client-credentials")
                    .put("loginUrl", client.loginUrl())
                    .put("clientId", client.clientId())
                    .put("clientSecret", client.clientSecret());
        } else if (connection instanceof SavedConnection.PasswordLogin password) {
            node.put("kind", "password")
                    .put("loginUrl", password.loginUrl())
                    .put("apiVersion", password.apiVersion())
                    .put("username", password.username())
                    .put("passwordAndToken", password.passwordAndToken());
        }
        return node;
    }

    /** The connection the file holds; one with a part missing is refused rather than read as blank. */
    private static SavedConnection fromJson(JsonNode node, Path file) {
        String kind = node.path("kind").asText();
        return switch (kind) {
            case "demo" -> new SavedConnection.Demo();
            case "browser" ->
                new SavedConnection.BrowserSignIn(
                        required(node, "loginUrl", file),
                        required(node, "clientId", file),
                        required(node, "refreshToken", file),
                        Optional.ofNullable(node.path("clientSecret").textValue()));
            case "client-credentials" ->
                new SavedConnection.ClientCredentials(
                        required(node, "loginUrl", file),
                        required(node, "clientId", file),
                        required(node, "clientSecret", file));
            case "password" ->
                new SavedConnection.PasswordLogin(
                        required(node, "loginUrl", file),
                        required(node, "apiVersion", file),
                        required(node, "username", file),
                        required(node, "passwordAndToken", file));
            default -> throw unreadable(file, "it holds no connection this version knows (kind '" + kind + "')");
        };
    }

    private static String required(JsonNode node, String field, Path file) {
        String value = node.path(field).textValue();
        if (value == null || value.isBlank()) {
            throw unreadable(file, "its " + field + " is missing");
        }
        return value;
    }
}
