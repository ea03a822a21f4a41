package com.unsubscribesync.cli;

import java.time.Instant;
import java.util.Optional;

/** What a running {@code serve} says about itself, for {@code status}: since when, and whether it waits for Salesforce. */
/** @param intake where this serve's intake listens ({@code serve --intake}); empty when it has none */
public record ServeState(long pid, Instant startedAt, Optional<Waiting> waiting, Optional<String> intake) {

    /** Salesforce could not be opened since {@code since}; the next try is at {@code nextTry}. */
    public record Waiting(Instant since, Instant nextTry, String problem) {}
}
