package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import java.time.Instant;

/** One pending real-time push. */
public record OutboxEntry(long id, Email email, Instant createdAt, int attempts) {}
