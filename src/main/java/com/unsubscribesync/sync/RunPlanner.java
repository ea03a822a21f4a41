package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.Ratchet;
import com.unsubscribesync.domain.RatchetInput;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.store.PlanSlice;
import com.unsubscribesync.store.PlannedPush;
import com.unsubscribesync.store.RunPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a run's plan a slice of addresses at a time, so that memory holds one slice whatever the size of the org.
 *
 * <p>The ratchet decides address by address, so a slice gives it everything about its own addresses: whether they
 * are unsubscribed, the ids people with them carry, the live records that have them, and the records those lead
 * to through merges and conversions. A record reached that way keeps its address only in the slice that owns the
 * address; when the slice opts such a record out, its address joins the next round of the plan, where it is
 * planned like any Salesforce opt-out, as the ratchet would do with the whole org at once.
 */
final class RunPlanner {
    /** Addresses planned at a time: a few thousand rows of each table, a few megabytes at most. */
    static final int SLICE = 2000;

    private final int sliceSize;

    RunPlanner(int sliceSize) {
        if (sliceSize < 1) {
            throw new IllegalArgumentException("a slice needs at least one address, not " + sliceSize);
        }
        this.sliceSize = sliceSize;
    }

    /**
     * Fills the plan.
     *
     * @param stillRunning called after every slice, to keep the run's leases
     */
    void plan(
            RunPlan plan,
            SyncSettings settings,
            Set<SObjectType> blocked,
            RunProgress progress,
            Runnable stillRunning) {
        long seeded = plan.seedAddresses();
        long planned = 0;
        for (int round = 1; ; round++) {
            Optional<Email> after = Optional.empty();
            List<Email> addresses = plan.addresses(round, after, sliceSize);
            if (addresses.isEmpty()) {
                break;
            }
            while (!addresses.isEmpty()) {
                planSlice(plan, round, addresses, settings, blocked);
                planned += addresses.size();
                progress.update("Planning", planned, Math.max(seeded, planned));
                stillRunning.run();
                after = Optional.of(addresses.get(addresses.size() - 1));
                addresses = plan.addresses(round, after, sliceSize);
            }
        }
        // Blocked objects raise their conflicts even when there is nothing to plan.
        plan.addConflicts(Ratchet.plan(new RatchetInput(Set.of(), Map.of(), List.of(), settings, blocked))
                .conflicts());
    }

    private static void planSlice(
            RunPlan plan, int round, List<Email> addresses, SyncSettings settings, Set<SObjectType> blocked) {
        Set<Email> own = new HashSet<>(addresses);
        PlanSlice slice = plan.slice(round, addresses.get(0), addresses.get(addresses.size() - 1));
        Map<SalesforceId, MirrorRecord> seen = withLinks(plan, slice);

        List<MirrorRecord> records = new ArrayList<>(seen.size());
        for (MirrorRecord record : seen.values()) {
            records.add(record.email().filter(own::contains).isPresent() ? record : withoutAddress(record));
        }
        SyncPlan decided = Ratchet.plan(new RatchetInput(
                slice.unsubscribed(), slice.linked(), records, settings, blocked, round == 1 ? Set.of() : own));

        List<PlannedPush> pushes = new ArrayList<>(decided.pushes().size());
        Set<Email> further = new HashSet<>();
        for (SalesforceId id : decided.pushes()) {
            MirrorRecord record = seen.get(id);
            pushes.add(new PlannedPush(id, record.email(), record.uncheckedInSalesforce()));
            record.email().filter(email -> !own.contains(email)).ifPresent(further::add);
        }
        plan.addPushes(pushes);
        plan.markImported(decided.imports());
        plan.addConflicts(decided.conflicts());
        plan.reach(further, round + 1);
    }

    /** The slice's records with every record their ids, merges and conversions lead to. */
    private static Map<SalesforceId, MirrorRecord> withLinks(RunPlan plan, PlanSlice slice) {
        Map<SalesforceId, MirrorRecord> seen = new HashMap<>();
        slice.records().forEach(record -> seen.put(record.id(), record));
        Set<SalesforceId> asked = new HashSet<>(seen.keySet());
        Set<SalesforceId> wanted = new HashSet<>();
        slice.linked().values().forEach(wanted::addAll);
        Collection<MirrorRecord> found = slice.records();
        while (true) {
            for (MirrorRecord record : found) {
                record.masterRecordId().ifPresent(wanted::add);
                record.convertedContactId().ifPresent(wanted::add);
            }
            wanted.removeAll(asked);
            if (wanted.isEmpty()) {
                return seen;
            }
            asked.addAll(wanted);
            found = plan.records(wanted);
            found.forEach(record -> seen.put(record.id(), record));
            wanted.clear();
        }
    }

    /** The address belongs to another slice, which plans it; here the record is only a link to follow. */
    private static MirrorRecord withoutAddress(MirrorRecord record) {
        return new MirrorRecord(
                record.id(),
                Optional.empty(),
                record.optedOut(),
                record.optedOutBefore(),
                record.converted(),
                record.convertedContactId(),
                record.deleted(),
                record.masterRecordId());
    }
}
