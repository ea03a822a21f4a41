package com.unsubscribesync.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What is known, at one moment, of the person and record a conflict is about: enough to tell whether something new
 * has happened to them since an admin dismissed it.
 *
 * @param lastHistoryId  the newest line of the address's unsubscribe history (0 when it has none, or no address)
 * @param recordModstamp when Salesforce last changed the conflict's record, as the last pull saw it
 * @param statusCode     Salesforce's refusal, for a write rejected
 * @param explanation    the conflict's own sentence (it names the field and what is wrong with it)
 */
public record ConflictFacts(
        long lastHistoryId, Optional<Instant> recordModstamp, Optional<String> statusCode, String explanation) {}
