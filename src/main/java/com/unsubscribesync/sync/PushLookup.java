package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.SyncRunRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Finds, for a pass of the real-time push, the current Salesforce state of every record its addresses can reach:
 * the records with each address, the records people are linked to, and every record a merge or a conversion leads
 * to from those. While the nightly sync keeps the mirror current, the records it holds for an address are taken as
 * it saw them, except those Salesforce reports changed since (one query per few thousand ids, answering with the
 * few that did); only addresses it does not know, or whose known records no longer carry them, are searched by
 * email. A record given a known address after the last nightly run is that run's to catch (docs/decisions: "the
 * real-time pusher looks records up in the mirror"). Reads by id use {@code queryAll}, so that a record merged away
 * comes back flagged with its master instead of missing; records of an object whose field cannot be used are not
 * read.
 */
final class PushLookup {
    /** The mirror stands in for lookups by email while the nightly sync has refreshed it within this long. */
    static final Duration MIRROR_CURRENT_FOR = Duration.ofHours(26);
    /** Rounds of following merges and conversions; the rule gives up on longer paths anyway. */
    private static final int MOST_ROUNDS = 10;

    private final MirrorRepository mirror;
    private final SyncRunRepository runs;
    private final Clock clock;
    private final Executor alongside;

    /** @param alongside runs one object's read while the calling thread makes the other's */
    PushLookup(MirrorRepository mirror, SyncRunRepository runs, Clock clock, Executor alongside) {
        this.mirror = mirror;
        this.runs = runs;
        this.clock = clock;
        this.alongside = alongside;
    }

    /**
     * What a lookup found.
     *
     * @param records           every record found, deleted and merged-away ones included (flagged)
     * @param readFromSalesforce the records read from Salesforce in this lookup, as Salesforce answered
     */
    record Found(Map<SalesforceId, OrgRecord> records, List<OrgRecord> readFromSalesforce) {

        /** The live records found with each address. */
        Map<Email, List<SalesforceId>> liveByEmail() {
            return PushLookup.liveByEmail(records.values());
        }

        /** A record as the sync rule sees it, when it was found. */
        Optional<MirrorRecord> seen(SalesforceId id) {
            // A push carries an unsubscribe just recorded here, newer than any uncheck in Salesforce: nothing is
            // held for review, so an earlier opt-out does not matter here.
            return Optional.ofNullable(records.get(id))
                    .map(r -> new MirrorRecord(
                            r.id(),
                            r.email(),
                            r.optedOut(),
                            false,
                            r.converted(),
                            r.convertedContactId(),
                            r.deleted(),
                            r.masterRecordId()));
        }
    }

    Found lookUp(
            SalesforceOrg salesforce,
            SyncSettings current,
            Map<SObjectType, String> apiNames,
            Set<Email> emails,
            Map<Email, Set<SalesforceId>> linked) {
        Reads reads = new Reads(salesforce, apiNames, alongside);
        Optional<Instant> mirrorAsOf = current.matchByEmail() ? mirrorCurrentAsOf(current) : Optional.empty();
        Map<Email, List<MirrorRecord>> known = mirrorAsOf.isPresent() ? mirror.liveByEmail(emails) : Map.of();
        if (current.matchByEmail()) {
            reads.search(emails.stream().filter(e -> !known.containsKey(e)).toList());
        }
        mirrorAsOf.ifPresent(asOf -> reads.takeFromMirror(known, asOf));
        Set<SalesforceId> wanted = new LinkedHashSet<>();
        linked.values().forEach(wanted::addAll);
        reads.byId(wanted);
        Map<Email, List<SalesforceId>> stillThere = liveByEmail(reads.found.values());
        reads.search(
                known.keySet().stream().filter(e -> !stillThere.containsKey(e)).toList());
        reads.followLinks();
        return new Found(reads.found, reads.fromSalesforce);
    }

    /** When the mirror was last brought up to date, while the nightly sync keeps it current. */
    private Optional<Instant> mirrorCurrentAsOf(SyncSettings current) {
        Instant oldestUsable = clock.instant().minus(MIRROR_CURRENT_FOR);
        return current.nightlySync() ? runs.lastWatermark().filter(w -> w.isAfter(oldestUsable)) : Optional.empty();
    }

    private static Map<Email, List<SalesforceId>> liveByEmail(Collection<OrgRecord> records) {
        Map<Email, List<SalesforceId>> byEmail = new HashMap<>();
        records.stream()
                .filter(r -> !r.deleted())
                .forEach(r -> r.email()
                        .ifPresent(e -> byEmail.computeIfAbsent(e, k -> new ArrayList<>())
                                .add(r.id())));
        return byEmail;
    }

    /**
     * The reads of one lookup and what they found. Each step reads Leads and Contacts at once: a pass's lookup is on
     * the way from a click to its opt-out, and under real latency two calls one after the other cost two round trips.
     */
    private static final class Reads {
        private final SalesforceOrg salesforce;
        private final Map<SObjectType, String> apiNames;
        private final Executor alongside;
        private final Map<SalesforceId, OrgRecord> found = new HashMap<>();
        private final List<OrgRecord> fromSalesforce = new ArrayList<>();
        private final Set<SalesforceId> asked = new HashSet<>();

        Reads(SalesforceOrg salesforce, Map<SObjectType, String> apiNames, Executor alongside) {
            this.salesforce = salesforce;
            this.apiNames = apiNames;
            this.alongside = alongside;
        }

        void search(List<Email> emails) {
            if (emails.isEmpty()) {
                return;
            }
            readAtOnce(apiNames, (type, apiName, same) -> salesforce.findByEmails(type, apiName, emails));
        }

        /** A read of one object's records. */
        private interface ObjectRead<T> {
            List<OrgRecord> read(SObjectType type, String apiName, T what);
        }

        /**
         * One read per object whose field can be used, made at once; what each found is taken in the objects' order.
         */
        private <T> void readAtOnce(Map<SObjectType, T> perObject, ObjectRead<T> read) {
            List<Supplier<List<OrgRecord>>> reads = new ArrayList<>();
            perObject.forEach((type, what) -> {
                if (apiNames.containsKey(type)) {
                    reads.add(() -> read.read(type, apiNames.get(type), what));
                }
            });
            for (CompletableFuture<List<OrgRecord>> answered : SentAtOnce.send(reads, alongside)) {
                take(SentAtOnce.answer(answered));
            }
        }

        /** The mirror's records as of its last pull, overlaid with what Salesforce changed since. */
        void takeFromMirror(Map<Email, List<MirrorRecord>> known, Instant asOf) {
            Map<SObjectType, Map<SalesforceId, MirrorRecord>> byType = new EnumMap<>(SObjectType.class);
            known.values()
                    .forEach(records ->
                            records.forEach(r -> byType.computeIfAbsent(r.objectType(), t -> new LinkedHashMap<>())
                                    .put(r.id(), r)));
            // An object whose field cannot be used is neither read nor taken from the mirror.
            byType.keySet().retainAll(apiNames.keySet());
            readAtOnce(
                    byType,
                    (type, apiName, records) ->
                            salesforce.changedSince(type, apiName, records.keySet(), asOf.minus(NightlySync.OVERLAP)));
            byType.values()
                    .forEach(records -> records.forEach((id, seen) -> found.computeIfAbsent(
                            id,
                            unchanged -> new OrgRecord(
                                    id,
                                    seen.email(),
                                    seen.email().map(Email::value),
                                    seen.optedOut(),
                                    seen.converted(),
                                    seen.convertedContactId(),
                                    false,
                                    seen.masterRecordId(),
                                    asOf))));
        }

        /** These records as they are now, deleted ones flagged, unless already found. */
        void byId(Collection<SalesforceId> ids) {
            Map<SObjectType, Set<SalesforceId>> wanted = new EnumMap<>(SObjectType.class);
            ids.stream()
                    .filter(id -> !found.containsKey(id) && asked.add(id))
                    .forEach(id -> wanted.computeIfAbsent(id.objectType(), t -> new LinkedHashSet<>())
                            .add(id));
            readAtOnce(wanted, salesforce::findByIdsIncludingDeleted);
        }

        /** Reads what merges and conversions lead to, round by round, until nothing new is reached. */
        void followLinks() {
            for (int round = 0; round < MOST_ROUNDS; round++) {
                Set<SalesforceId> next = new LinkedHashSet<>();
                for (OrgRecord record : found.values()) {
                    (record.deleted() ? record.masterRecordId() : record.convertedContactId()).ifPresent(next::add);
                }
                next.removeIf(id -> found.containsKey(id) || asked.contains(id));
                if (next.isEmpty()) {
                    return;
                }
                byId(next);
            }
        }

        private void take(List<OrgRecord> records) {
            records.forEach(r -> found.put(r.id(), r));
            fromSalesforce.addAll(records);
        }
    }
}
