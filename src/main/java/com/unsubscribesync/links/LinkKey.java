package com.unsubscribesync.links;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * One key that seals link tokens: the current one seals new links; a retired one still opens the links it sealed
 * until {@code acceptedUntil}.
 *
 * @param id four bytes carried in every token, so a token names the key that opens it
 */
record LinkKey(int id, SecretKey secret, Instant created, Optional<Instant> acceptedUntil) {
    LinkKey {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(acceptedUntil, "acceptedUntil");
    }

    boolean current() {
        return acceptedUntil.isEmpty();
    }

    boolean opensAt(Instant now) {
        return acceptedUntil.map(now::isBefore).orElse(true);
    }

    LinkKey retiredUntil(Instant until) {
        return new LinkKey(id, secret, created, Optional.of(until));
    }

    String idText() {
        return String.format("%08x", id);
    }
}
