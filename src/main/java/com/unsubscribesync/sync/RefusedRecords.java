package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Records refused for now, to be tried again within the run, with the status code of their last refusal. */
final class RefusedRecords {
    private final Map<SObjectType, Map<SalesforceId, Optional<Email>>> records = new EnumMap<>(SObjectType.class);
    private final Map<SalesforceId, String> codes = new HashMap<>();

    void add(SObjectType type, SalesforceId id, Optional<Email> email, String statusCode) {
        records.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, email);
        codes.put(id, statusCode);
    }

    boolean isEmpty() {
        return codes.isEmpty();
    }

    int size() {
        return codes.size();
    }

    /** Takes every record out, to be written again; those refused again are added back. */
    Map<SObjectType, Map<SalesforceId, Optional<Email>>> takeAll() {
        Map<SObjectType, Map<SalesforceId, Optional<Email>>> taken = new EnumMap<>(records);
        records.clear();
        codes.clear();
        return taken;
    }

    /** Drops an object's records (they wait for its field now); returns how many there were. */
    long forget(SObjectType type) {
        Map<SalesforceId, Optional<Email>> dropped = records.remove(type);
        if (dropped == null) {
            return 0;
        }
        dropped.keySet().forEach(codes::remove);
        return dropped.size();
    }

    /** The records still refused, with the status code of their last refusal, for the run's detail. */
    void forEach(RefusedRecord each) {
        records.values().forEach(ids -> ids.forEach((id, email) -> each.accept(id, email, codes.get(id))));
    }

    @FunctionalInterface
    interface RefusedRecord {
        void accept(SalesforceId id, Optional<Email> email, String statusCode);
    }

    Map<String, Integer> byStatusCode() {
        Map<String, Integer> counts = new TreeMap<>();
        codes.values().forEach(code -> counts.merge(code, 1, Integer::sum));
        return counts;
    }
}
