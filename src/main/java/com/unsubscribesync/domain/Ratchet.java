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
 * become opt-outs on every linked record that is still false. Nothing is ever set to false or deleted. Which
 * records an address reaches is {@link RecordsToOptOut}'s to say, as for the real-time push.
 */
public final class Ratchet {
    private Ratchet() {}

    public static SyncPlan plan(RatchetInput input) {
        Map<SalesforceId, MirrorRecord> byId = new HashMap<>();
        Map<Email, List<MirrorRecord>> byEmail = new HashMap<>();
        for (MirrorRecord record : input.mirror()) {
            byId.put(record.id(), record);
            if (!record.deleted()) {
                record.email()
                        .ifPresent(email -> byEmail.computeIfAbsent(email, e -> new ArrayList<>())
                                .add(record));
            }
        }

        TreeSet<Email> imports = new TreeSet<>();
        input.reachedElsewhere().stream()
                .filter(email -> !input.unsubscribed().contains(email))
                .forEach(imports::add);
        for (MirrorRecord record : input.mirror()) {
            if (!record.deleted()
                    && record.optedOut()
                    && record.email().isPresent()
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
                byId.get(pushed)
                        .email()
                        .filter(e -> !input.unsubscribed().contains(e) && !imports.contains(e))
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
            conflicts.add(new PlannedConflict(
                    ConflictKind.FIELD_UNAVAILABLE,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(type),
                    "The chosen opt-out field is missing, hidden or read-only on " + type.apiName()
                            + "; opt-outs for it wait until it is fixed."));
        }
        return new SyncPlan(new ArrayList<>(pushes), new ArrayList<>(imports), dedupe(conflicts));
    }

    private record Pass(TreeSet<SalesforceId> pushes, List<PlannedConflict> conflicts) {}

    private static Pass pushesFor(
            RatchetInput input,
            Set<Email> imports,
            Map<SalesforceId, MirrorRecord> byId,
            Map<Email, List<MirrorRecord>> byEmail) {
        TreeSet<Email> everyone = new TreeSet<>(input.unsubscribed());
        everyone.addAll(imports);
        TreeSet<SalesforceId> pushes = new TreeSet<>();
        List<PlannedConflict> conflicts = new ArrayList<>();
        RecordsToOptOut rule =
                new RecordsToOptOut(input.settings(), input.blockedObjects(), id -> Optional.ofNullable(byId.get(id)));

        Set<SalesforceId> held = new HashSet<>();
        for (Email email : everyone) {
            List<SalesforceId> withAddress = byEmail.getOrDefault(email, List.of()).stream()
                    .map(MirrorRecord::id)
                    .toList();
            RecordsToOptOut.Decision decision = rule.forAddress(
                    email,
                    input.linkedIds().getOrDefault(email, Set.of()),
                    withAddress,
                    input.unsubscribed().contains(email));
            pushes.addAll(decision.toWrite());
            for (PlannedConflict conflict : decision.conflicts()) {
                // A record held for review is shown once, under the first address that reaches it.
                if (conflict.kind() != ConflictKind.RESUBSCRIBED_IN_SALESFORCE
                        || held.add(conflict.recordId().get())) {
                    conflicts.add(conflict);
                }
            }
        }
        return new Pass(pushes, conflicts);
    }

    private static List<PlannedConflict> dedupe(Collection<PlannedConflict> conflicts) {
        return new ArrayList<>(new LinkedHashSet<>(conflicts));
    }
}
