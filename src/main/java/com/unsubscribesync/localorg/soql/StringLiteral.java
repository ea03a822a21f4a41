package com.unsubscribesync.localorg.soql;

import java.util.Optional;

/**
 * A quoted string as a LIKE reads it: {@code \%} and {@code \_} stay escapes there (a percent sign and an underscore
 * themselves) and a backslash is doubled. Those two escapes are valid in a LIKE pattern only; anywhere else
 * Salesforce refuses the literal, and {@code refusedOutsideLike} says how (ADR 0008).
 */
record StringLiteral(String likePattern, Optional<String> refusedOutsideLike) {}
