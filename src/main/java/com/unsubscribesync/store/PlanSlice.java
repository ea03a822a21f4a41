package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.SalesforceId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store knows about the addresses of one slice of a plan.
 *
 * @param unsubscribed  those of the addresses unsubscribed here
 * @param linked        the Salesforce ids people with these addresses carry
 * @param records       the live Leads and Contacts with these addresses
 */
public record PlanSlice(Set<Email> unsubscribed, Map<Email, Set<SalesforceId>> linked, List<MirrorRecord> records) {
    public PlanSlice {
        unsubscribed = Set.copyOf(unsubscribed);
        linked = Map.copyOf(linked);
        records = List.copyOf(records);
    }
}
