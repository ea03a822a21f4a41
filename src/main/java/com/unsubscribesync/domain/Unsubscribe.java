package com.unsubscribesync.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An email that must not receive sales email, with when, where from, who recorded it and why. */
public record Unsubscribe(Email email, Instant at, UnsubscribeSource source, String actor, Optional<String> reason) {
    public Unsubscribe {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }
}
