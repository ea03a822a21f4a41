package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What one real-time pass sets, address by address: the rule's decision for each, and each record to write once
 * per object, however many of the pass's addresses lead to it.
 */
final class PassPlan {
    private final Map<Email, RecordsToOptOut.Decision> decisions = new LinkedHashMap<>();
    private final Map<SObjectType, List<SalesforceId>> toWrite = new EnumMap<>(SObjectType.class);
    private final Map<SalesforceId, Set<Email>> owners = new HashMap<>();

    void add(Email email, RecordsToOptOut.Decision decision) {
        for (SalesforceId id : decision.toWrite()) {
            Set<Email> asking = owners.computeIfAbsent(id, i -> new LinkedHashSet<>());
            if (asking.add(email) && asking.size() == 1) {
                toWrite.computeIfAbsent(id.objectType(), t -> new ArrayList<>()).add(id);
            }
        }
        decisions.put(email, decision);
    }

    RecordsToOptOut.Decision decision(Email email) {
        return decisions.get(email);
    }

    void forEachDecision(BiConsumer<Email, RecordsToOptOut.Decision> each) {
        decisions.forEach(each);
    }

    /** The records to write, per object, in the order the addresses asked for them. */
    Map<SObjectType, List<SalesforceId>> toWrite() {
        return toWrite;
    }

    /** The addresses that lead to a record to write. */
    Set<Email> owners(SalesforceId id) {
        return owners.get(id);
    }
}
