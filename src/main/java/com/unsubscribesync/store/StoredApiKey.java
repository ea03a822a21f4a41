package com.unsubscribesync.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An intake API key as the store keeps it: never the key itself, only its public id and the SHA-256 of its secret.
 *
 * @param keyId        the public part of the key, which finds the row
 * @param secretSha256 the SHA-256 of the key's secret, in lower-case hex
 */
public record StoredApiKey(
        String name,
        String keyId,
        String secretSha256,
        Instant created,
        Optional<Instant> revoked,
        Optional<Instant> lastUsed,
        long uses) {
    public StoredApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secretSha256, "secretSha256");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(revoked, "revoked");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    /** A key just made: not revoked, never used. */
    public static StoredApiKey fresh(String name, String keyId, String secretSha256, Instant created) {
        return new StoredApiKey(name, keyId, secretSha256, created, Optional.empty(), Optional.empty(), 0);
    }

    public boolean isRevoked() {
        return revoked.isPresent();
    }
}
