package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.store.ApiKeyRepository;
import com.unsubscribesync.store.StoredApiKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys callers of the intake API present (ADR 0061). A key is {@code usk_ID_SECRET}: the id finds its row, the
 * 256-bit secret is kept only as its SHA-256 (a random secret needs no slow hash) and is shown once, when made.
 */
public final class ApiKeys {
    private static final Pattern KEY = Pattern.compile("usk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    /** Compared against when the id is unknown, so that an unknown id takes as long as a wrong secret. */
    private static final String NO_SECRET = "0".repeat(64);

    private final ApiKeyRepository keys;
    private final SecureRandom random;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, SecureRandom random, Clock clock) {
        this.keys = keys;
        this.random = random;
        this.clock = clock;
    }

    /** @param key the whole key, shown now and never again */
    public record CreatedKey(String name, String key) {}

    /** What {@code api-keys list} shows of a key: never the key, nor its hash. */
    public record KeyUse(
            String name, Instant created, Optional<Instant> lastUsed, long uses, Optional<Instant> revoked) {}

    public CreatedKey create(String rawName) {
        String name = ApiKeyName.parse(rawName);
        String keyId = HexFormat.of().formatHex(bytes(8));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        if (!keys.add(StoredApiKey.fresh(name, keyId, sha256(secret), clock.instant()))) {
            throw new InvalidInputException("an API key named '" + name + "' exists already (revoked keys keep "
                    + "their names): choose another name");
        }
        return new CreatedKey(name, "usk_" + keyId + "_" + secret);
    }

    /** @return the key's name as kept (lower case) */
    public String revoke(String rawName) {
        String name = ApiKeyName.parse(rawName);
        Optional<StoredApiKey> key = keys.byName(name);
        if (key.isEmpty()) {
            throw new InvalidInputException("there is no API key named '" + name + "': 'api-keys list' shows them");
        }
        if (key.get().isRevoked() || !keys.revoke(name, clock.instant())) {
            throw new InvalidInputException("the API key '" + name + "' is revoked already");
        }
        return name;
    }

    public List<KeyUse> list() {
        return keys.list().stream()
                .map(key -> new KeyUse(key.name(), key.created(), key.lastUsed(), key.uses(), key.revoked()))
                .toList();
    }

    /** The caller a presented key belongs to; empty for a malformed, unknown, wrong or revoked key alike. */
    public Optional<ApiCaller> caller(String presented) {
        Matcher key = KEY.matcher(presented == null ? "" : presented.strip());
        if (!key.matches()) {
            return Optional.empty();
        }
        Optional<StoredApiKey> stored = keys.byKeyId(key.group(1));
        byte[] expected =
                stored.map(StoredApiKey::secretSha256).orElse(NO_SECRET).getBytes(StandardCharsets.US_ASCII);
        byte[] given = sha256(key.group(2)).getBytes(StandardCharsets.US_ASCII);
        boolean same = MessageDigest.isEqual(expected, given);
        if (!same || stored.isEmpty() || stored.get().isRevoked()) {
            return Optional.empty();
        }
        return Optional.of(new ApiCaller(stored.get().name(), stored.get().keyId()));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
