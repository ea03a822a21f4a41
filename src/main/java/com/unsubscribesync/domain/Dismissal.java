package com.unsubscribesync.domain;

/**
 * An admin's dismissal of a conflict, with what was known when they dismissed it. It holds — the same conflict is not
 * raised again — until something new happens to that person or record; what counts as new depends on the kind
 * (ADR 0028):
 * <ul>
 * <li>every kind about a person: a new line in the address's unsubscribe history (a new unsubscribe, or a
 *     resubscribe and a new unsubscribe);</li>
 * <li>a kind about a record (<em>Resubscribed in Salesforce</em>, <em>Record deleted</em>, <em>Write rejected</em>):
 *     also a change of that record in Salesforce after the one the dismissal saw (its SystemModstamp moved);</li>
 * <li><em>Write rejected</em>: also a refusal with another status code;</li>
 * <li><em>Field unavailable</em>, about an object rather than a person: the field's problem is another one (the
 *     sentence naming field and problem differs).</li>
 * </ul>
 */
public record Dismissal(ConflictKind kind, ConflictFacts seen) {

    /** Whether the dismissal still covers the conflict, given what is known now. */
    public boolean holds(ConflictFacts now) {
        if (kind == ConflictKind.FIELD_UNAVAILABLE) {
            return now.explanation().equals(seen.explanation());
        }
        if (now.lastHistoryId() > seen.lastHistoryId()) {
            return false;
        }
        if (kind == ConflictKind.NOT_IN_SALESFORCE) {
            return true;
        }
        boolean recordChanged = now.recordModstamp().isPresent()
                && (seen.recordModstamp().isEmpty()
                        || now.recordModstamp()
                                .get()
                                .isAfter(seen.recordModstamp().get()));
        if (recordChanged) {
            return false;
        }
        return kind != ConflictKind.WRITE_REJECTED || now.statusCode().equals(seen.statusCode());
    }
}
