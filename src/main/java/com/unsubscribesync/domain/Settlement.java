package com.unsubscribesync.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one rule for "this unsubscribe is settled", asked by the real-time push before an outbox entry leaves and by
 * the nightly run before it calls itself done: <em>only when every record it names is written, or a conflict says
 * why</em>. A record that already carries the opt-out is not among those to write; one refused for now, one whose
 * field turned unusable while writing, or one Salesforce never answered for is neither, and keeps its unsubscribe
 * waiting.
 */
public final class Settlement {
    /** The status code counted for a record Salesforce gave no answer for. */
    public static final String NO_ANSWER = "NO_ANSWER";

    private final Set<SalesforceId> written = new HashSet<>();
    private final Set<SalesforceId> explained = new HashSet<>();
    private final Map<SalesforceId, String> refused = new HashMap<>();

    /** These records now carry the opt-out in Salesforce. */
    public void written(Collection<SalesforceId> ids) {
        written.addAll(ids);
        ids.forEach(refused::remove);
    }

    /** An open conflict says why this record is not written. */
    public void explained(SalesforceId id) {
        explained.add(id);
        refused.remove(id);
    }

    /** Salesforce refused this record for now, with this status code; it is to be tried again. */
    public void refused(SalesforceId id, String statusCode) {
        if (!written.contains(id) && !explained.contains(id)) {
            refused.put(id, statusCode);
        }
    }

    public boolean isWritten(SalesforceId id) {
        return written.contains(id);
    }

    /** Written, or a conflict says why. */
    public boolean isSettled(SalesforceId id) {
        return written.contains(id) || explained.contains(id);
    }

    /** True only when the decision waits for no object and each record it writes is settled. */
    public boolean settles(RecordsToOptOut.Decision decision) {
        return decision.complete() && decision.toWrite().stream().allMatch(this::isSettled);
    }

    /** Why a record is not settled: the status code it was last refused with, or {@link #NO_ANSWER}. */
    public Optional<String> whyNot(SalesforceId id) {
        return isSettled(id) ? Optional.empty() : Optional.of(refused.getOrDefault(id, NO_ANSWER));
    }

    /** Of these records, those not settled, counted by why, in status-code order. */
    public Map<String, Integer> unsettled(Collection<SalesforceId> ids) {
        Map<String, Integer> byCode = new TreeMap<>();
        ids.forEach(id -> whyNot(id).ifPresent(code -> byCode.merge(code, 1, Integer::sum)));
        return byCode;
    }
}
