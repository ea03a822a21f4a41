package com.unsubscribesync.localorg.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes waiting to be exchanged: single use, short-lived, bound to a PKCE S256 challenge. */
final class AuthorizationCodes {
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    /** What a code was granted for. */
    record Grant(String clientId, String redirectUri, String challenge, String scope, int userRow, Instant expires) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(String clientId, String redirectUri, String challenge, String scope, int userRow) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = "aPrx" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(
                code,
                new Grant(
                        clientId,
                        redirectUri,
                        challenge,
                        scope,
                        userRow,
                        clock.instant().plus(LIFETIME)));
        return code;
    }

    /** Takes a code out (it can be used only once) if it is known and not expired. */
    Optional<Grant> redeem(String code) {
        Grant grant = code == null ? null : grants.remove(code);
        if (grant == null || !grant.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
