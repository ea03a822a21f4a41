package com.unsubscribesync.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unsubscribesync.files.GcmSeal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A {@link SavedConnection} as JSON sealed with AES-256-GCM: a fresh nonce, then the ciphertext and its tag. The
 * associated data names where the seal is kept, so a sealed connection moved from one place to the other does not
 * open.
 */
final class ConnectionSeal {
    private final GcmSeal seal;
    private final ObjectMapper json = new ObjectMapper();

    ConnectionSeal(String associatedData) {
        this.seal = new GcmSeal(associatedData.getBytes(StandardCharsets.UTF_8), new SecureRandom());
    }

    byte[] seal(SavedConnection connection, SecretKey key) throws GeneralSecurityException, IOException {
        return seal.seal(json.writeValueAsBytes(toJson(connection)), key);
    }

    /**
     * @param unreadable makes the exception for a connection that opens but holds no usable connection, from why
     * @throws AEADBadTagException when {@code key} is not the one it was sealed with, or a byte was changed
     */
    SavedConnection open(byte[] stored, SecretKey key, Function<String, RuntimeException> unreadable)
            throws GeneralSecurityException, IOException {
        return fromJson(json.readTree(seal.open(stored, key)), unreadable);
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

    /** The connection the JSON holds; one with a part missing is refused rather than read as blank. */
    private static SavedConnection fromJson(JsonNode node, Function<String, RuntimeException> unreadable) {
        String kind = node.path("kind").asText();
        return switch (kind) {
            case "demo" -> new SavedConnection.Demo();
            case "browser" ->
                new SavedConnection.BrowserSignIn(
                        required(node, "loginUrl", unreadable),
                        required(node, "clientId", unreadable),
                        required(node, "refreshToken", unreadable),
                        Optional.ofNullable(node.path("clientSecret").textValue()));
            case "client-credentials" ->
                new SavedConnection.ClientCredentials(
                        required(node, "loginUrl", unreadable),
                        required(node, "clientId", unreadable),
                        required(node, "clientSecret", unreadable));
            case "password" ->
                new SavedConnection.PasswordLogin(
                        required(node, "loginUrl", unreadable),
                        required(node, "apiVersion", unreadable),
                        required(node, "username", unreadable),
                        required(node, "passwordAndToken", unreadable));
            default -> throw unreadable.apply("it holds no connection this version knows (kind '" + kind + "')");
        };
    }

    private static String required(JsonNode node, String field, Function<String, RuntimeException> unreadable) {
        String value = node.path(field).textValue();
        if (value == null || value.isBlank()) {
            throw unreadable.apply("its " + field + " is missing");
        }
        return value;
    }
}
