package com.unsubscribesync.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sync rule: an opt-out on either side wins. Salesforce opt-outs become local unsubscribes, local unsubscribes
 * become opt-outs on every linked record that is still false. Nothing is ever set to false or deleted.
 */
public final class Ratchet {
    private static final int MAX_LINK_HOPS = 10;

    private Ratchet() {
    }

    public static SyncPlan plan(RatchetInput input) {
        Map<SalesforceId, MirrorRecord> byId = new HashMap<>();
        Map<Email, List<MirrorRecord>> byEmail = new HashMap<>();
        for (MirrorRecord record : input.mirror()) {
            byId.put(record.id(), record);
            if (!record.deleted()) {
                record.email().ifPresent(email -> byEmail.computeIfAbsent(email, e -> new ArrayList<>()).add(record));
            }
        }

        TreeSet<Email> imports = new TreeSet<>();
        input.reachedElsewhere().stream().filter(email -> !input.unsubscribed().contains(email)).forEach(imports::add);
        for (MirrorRecord record : input.mirror()) {
            if (!record.deleted() && record.optedOut() && record.email().isPresent()
                    && !input.unsubscribed().contains(record.email().get())) {
                imports.add(record.email().get());
            }
        }

        // A pushed record's own address becomes an opt-out too, which can reach further records: repeat until stable.
        Pass pass;
        while (true) {
            pass = pushesFor(input, imports, byId, byEmail);
            TreeSet<Email> more = new TreeSet<>();
            for (SalesforceId pushed : pass.pushes) {
                byId.get(pushed).email().filter(e -> !input.unsubscribed().contains(e) && !imports.contains(e))
                        .ifPresent(more::add);
            }
            if (more.isEmpty()) {
                break;
            }
            imports.addAll(more);
        }
        TreeSet<SalesforceId> pushes = pass.pushes;
        List<PlannedConflict> conflicts = pass.conflicts;

        for (SObjectType type : input.blockedObjects()) {
            conflicts.add(new PlannedConflict(ConflictKind.FIELD_UNAVAILABLE, Optional.empty(), Optional.empty(),
                    Optional.of(type), "The chosen opt-out field is missing, hidden or read-only on " + type.apiName()
                            + "; opt-outs for it wait until it is fixed."));
        }
        return new SyncPlan(new ArrayList<>(pushes), new ArrayList<>(imports), dedupe(conflicts));
    }

    private record Pass(TreeSet<SalesforceId> pushes, List<PlannedConflict> conflicts) {
    }

    private static Pass pushesFor(RatchetInput input, Set<Email> imports, Map<SalesforceId, MirrorRecord> byId,
            Map<Email, List<MirrorRecord>> byEmail) {
        TreeSet<Email> everyone = new TreeSet<>(input.unsubscribed());
        everyone.addAll(imports);
        TreeSet<SalesforceId> pushes = new TreeSet<>();
        List<PlannedConflict> conflicts = new ArrayList<>();

        Set<SalesforceId> held = new HashSet<>();
        for (Email email : everyone) {
            Set<SalesforceId> linked = input.linkedIds().getOrDefault(email, Set.of());
            Set<SalesforceId> candidates = new LinkedHashSet<>(new TreeSet<>(linked));
            if (input.settings().matchByEmail()) {
                byEmail.getOrDefault(email, List.of()).forEach(record -> candidates.add(record.id()));
            }
            if (linked.isEmpty() && !byEmail.containsKey(email) && input.unsubscribed().contains(email)) {
                conflicts.add(new PlannedConflict(ConflictKind.NOT_IN_SALESFORCE, Optional.of(email), Optional.empty(),
                        Optional.empty(), "No Lead or Contact has this address and the person has no Salesforce ID."));
                continue;
            }
            for (SalesforceId candidate : candidates) {
                Optional<MirrorRecord> target = follow(candidate, byId);
                if (target.isEmpty()) {
                    if (linked.contains(candidate)) {
                        conflicts.add(new PlannedConflict(ConflictKind.RECORD_DELETED, Optional.of(email),
                                Optional.of(candidate), Optional.of(candidate.objectType()),
                                "The linked " + candidate.objectType().apiName() + " " + candidate
                                        + " was deleted (not merged) or is no longer visible."));
                    }
                    continue;
                }
                MirrorRecord record = target.get();
                if (record.optedOut() || record.converted()) {
                    continue;
                }
                if (input.blockedObjects().contains(record.objectType())) {
                    continue;
                }
                if (record.uncheckedInSalesforce() && input.settings().resubscribePolicy() == ResubscribePolicy.HOLD) {
                    if (!held.add(record.id())) {
                        continue;
                    }
                    conflicts.add(new PlannedConflict(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, Optional.of(email),
                            Optional.of(record.id()), Optional.of(record.objectType()),
                            "The opt-out of " + record.objectType().apiName() + " " + record.id()
                                    + " was unchecked in Salesforce, but the address is unsubscribed here."));
                    continue;
                }
                pushes.add(record.id());
            }
        }
        return new Pass(pushes, conflicts);
    }

    /** A merged-away record leads to its master, a converted lead to its contact; a dead end gives nothing. */
    private static Optional<MirrorRecord> follow(SalesforceId start, Map<SalesforceId, MirrorRecord> byId) {
        SalesforceId current = start;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            MirrorRecord record = byId.get(current);
            if (record == null) {
                return Optional.empty();
            }
            if (record.deleted()) {
                if (record.masterRecordId().isEmpty()) {
                    return Optional.empty();
                }
                current = record.masterRecordId().get();
            } else if (record.converted() && record.convertedContactId().isPresent()) {
                current = record.convertedContactId().get();
            } else {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private static List<PlannedConflict> dedupe(Collection<PlannedConflict> conflicts) {
        return new ArrayList<>(new LinkedHashSet<>(conflicts));
    }
}
