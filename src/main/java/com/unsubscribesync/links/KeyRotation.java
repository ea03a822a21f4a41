package com.unsubscribesync.links;

import java.time.Instant;

/**
 * What a key rotation did.
 *
 * @param olderKeysAccepted how many earlier keys still open links, the one just retired included
 */
public record KeyRotation(
        String newKeyId, String retiredKeyId, Instant retiredKeyAcceptedUntil, int olderKeysAccepted) {}
