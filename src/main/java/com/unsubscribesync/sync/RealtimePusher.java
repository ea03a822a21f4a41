package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.OutboxEntry;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.SettingsRepository;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: every unsubscribe recorded here is set on its Leads and Contacts at once — the chosen field
 * with the nightly sync on, Email Opt Out with it off. Entries leave the outbox only when settled; failures wait
 * with capped back-off, and outages never turn into conflicts.
 */
public final class RealtimePusher {
    /** A burst of this many goes out in one pass: one round of lookups, then full batches of 200. */
    public static final int ENTRIES_PER_PASS = 10_000;
    /** A burst still arriving is gathered while the number due grows from one look to the next, this far apart. */
    public static final Duration QUIET = Duration.ofMillis(100);
    /**
     * ... but never longer than this after the oldest due entry was recorded, so that a burst of a second still
     * goes in one pass and a steady trickle waits at most this long (rule 1 allows 2 s in all).
     */
    public static final Duration GATHER_AT_MOST = Duration.ofMillis(1500);
    /** The mirror stands in for lookups by email while the nightly sync has refreshed it within this long. */
    static final Duration MIRROR_CURRENT_FOR = Duration.ofHours(26);

    /** Back-off for pushes a record refused for now: 2 s doubling to 15 min, ten attempts, then the admin decides. */
    public static RetryPolicy standardRetry(java.util.random.RandomGenerator random) {
        return new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofMinutes(15), delay -> { }, random);
    }
    private static final Duration LIMIT_PAUSE = Duration.ofHours(1);
    private static final String FIELD_NOT_WRITABLE = "INVALID_FIELD_FOR_INSERT_UPDATE";
    private static final Logger LOG = LoggerFactory.getLogger(RealtimePusher.class);

    private final OutboxRepository outbox;
    private final PeopleRepository people;
    private final SettingsRepository settings;
    private final ConflictRepository conflicts;
    private final MirrorRepository mirror;
    private final SyncRunRepository runs;
    private final CurrentOrg org;
    private final OptOutFields fields;
    private final RetryPolicy retry;
    private final Clock clock;
    private long dueAtLastLook;

    public RealtimePusher(OutboxRepository outbox, PeopleRepository people, SettingsRepository settings,
            ConflictRepository conflicts, MirrorRepository mirror, SyncRunRepository runs, CurrentOrg org,
            OptOutFields fields, RetryPolicy retry, Clock clock) {
        this.outbox = outbox;
        this.people = people;
        this.settings = settings;
        this.conflicts = conflicts;
        this.mirror = mirror;
        this.runs = runs;
        this.org = org;
        this.fields = fields;
        this.retry = retry;
        this.clock = clock;
    }

    /** Pushes what is due now, until nothing due is left. */
    public PushReport drain() {
        PushReport total = PushReport.NOTHING;
        while (true) {
            PushReport pass = drainOnce();
            total = total.plus(pass);
            if (pass.entries() == 0 || pass.settled() == 0) {
                return total;
            }
        }
    }

    /**
     * Zero when a pass should run now, else how long to let a burst keep arriving first. It waits while the number
     * of due entries still grows between looks {@link #QUIET} apart, unless a full pass is due or the oldest due
     * entry has waited {@link #GATHER_AT_MOST}; a burst then costs one round of lookups and full write batches
     * instead of a pass, a lookup and a part-filled batch per handful of arrivals. Retries, recorded long ago, never
     * wait here.
     */
    public synchronized Duration untilBurstGathered() {
        Instant now = clock.instant();
        OutboxRepository.Due due = outbox.dueSummary(now);
        long before = dueAtLastLook;
        dueAtLastLook = due.count();
        if (due.count() == 0 || due.count() >= ENTRIES_PER_PASS || due.count() <= before) {
            return Duration.ZERO;
        }
        Duration waited = Duration.between(due.oldestRecordedAt().orElse(now), now);
        return waited.compareTo(GATHER_AT_MOST) >= 0 ? Duration.ZERO : min(QUIET, GATHER_AT_MOST.minus(waited));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One pass over at most {@value #ENTRIES_PER_PASS} due entries. */
    public PushReport drainOnce() {
        Optional<SalesforceOrg> connected = org.current();
        if (connected.isEmpty()) {
            return PushReport.NOTHING;
        }
        List<OutboxEntry> due = outbox.due(clock.instant(), ENTRIES_PER_PASS);
        if (due.isEmpty()) {
            return PushReport.NOTHING;
        }
        try {
            return push(connected.get(), due);
        } catch (SalesforceException e) {
            LOG.warn("Real-time push of {} entries failed as a whole ({}): {}", due.size(), e.kind(), e.getMessage());
            Duration floor = e.kind() == SalesforceException.Kind.API_LIMIT_EXCEEDED ? LIMIT_PAUSE : Duration.ZERO;
            for (OutboxEntry entry : due) {
                later(entry, floor, e.statusCode().orElse(e.kind().name()) + ": " + e.getMessage());
            }
            return new PushReport(due.size(), 0, 0, due.size(), 0);
        }
    }

    private PushReport push(SalesforceOrg salesforce, List<OutboxEntry> due) {
        SyncSettings current = settings.load();
        OptOutField field = current.realtimePushField();
        FieldCheck check = fields.check(salesforce, field, current);
        Map<SObjectType, String> apiNames = new EnumMap<>(SObjectType.class);
        for (SObjectType type : SObjectType.values()) {
            OptOutFields.usableApiName(check, type).ifPresent(name -> apiNames.put(type, name));
        }

        Map<Email, List<OutboxEntry>> entries = new LinkedHashMap<>();
        due.forEach(entry -> entries.computeIfAbsent(entry.email(), e -> new ArrayList<>()).add(entry));
        Map<Email, Set<SalesforceId>> linked = people.salesforceIds(entries.keySet());
        Map<SalesforceId, OrgRecord> found = lookUp(salesforce, current, apiNames, entries.keySet(), linked);
        Map<Email, List<SalesforceId>> foundByEmail = byEmail(found.values());

        Map<SObjectType, List<SalesforceId>> toWrite = new EnumMap<>(SObjectType.class);
        Map<SalesforceId, Set<Email>> owners = new HashMap<>();
        Set<Email> waiting = new HashSet<>();
        int raised = 0;
        for (Email email : entries.keySet()) {
            Set<SalesforceId> candidates = new LinkedHashSet<>(linked.getOrDefault(email, Set.of()));
            if (current.matchByEmail()) {
                candidates.addAll(foundByEmail.getOrDefault(email, List.of()));
            }
            if (candidates.isEmpty()) {
                if (apiNames.size() < SObjectType.values().length) {
                    waiting.add(email);
                } else if (raise(new NewConflict(ConflictKind.NOT_IN_SALESFORCE, Optional.of(email), Optional.empty(),
                        Optional.empty(), Optional.empty(), "No Lead or Contact has this address and the person has no "
                                + "Salesforce ID, so the opt-out could not be set anywhere."))) {
                    raised++;
                }
                continue;
            }
            for (SalesforceId candidate : candidates) {
                OrgRecord record = follow(found, candidate);
                if (!apiNames.containsKey(candidate.objectType()) || record != null && !apiNames.containsKey(record.id().objectType())) {
                    waiting.add(email);
                    raised += raiseFieldUnavailable(check, record == null ? candidate.objectType() : record.id().objectType());
                    continue;
                }
                if (record == null) {
                    if (linked.getOrDefault(email, Set.of()).contains(candidate) && raise(new NewConflict(
                            ConflictKind.RECORD_DELETED, Optional.of(email), Optional.of(candidate),
                            Optional.of(candidate.objectType()), Optional.empty(), "The linked "
                                    + candidate.objectType().apiName() + " " + candidate
                                    + " was not found in Salesforce: it was deleted or is not visible to the connected user."))) {
                        raised++;
                    }
                    continue;
                }
                if (record.optedOut() || record.converted()) {
                    continue;
                }
                if (owners.computeIfAbsent(record.id(), id -> new LinkedHashSet<>()).add(email)
                        && owners.get(record.id()).size() == 1) {
                    toWrite.computeIfAbsent(record.id().objectType(), t -> new ArrayList<>()).add(record.id());
                }
            }
        }

        int written = 0;
        Map<Email, String> retryReasons = new HashMap<>();
        for (Map.Entry<SObjectType, List<SalesforceId>> batch : toWrite.entrySet()) {
            List<WriteOutcome> outcomes = OptOutWriter.forRecords(batch.getValue().size(), current).write(salesforce,
                    batch.getKey(), apiNames.get(batch.getKey()), batch.getValue());
            List<SalesforceId> done = new ArrayList<>();
            for (WriteOutcome outcome : outcomes) {
                switch (outcome.result()) {
                    case WRITTEN -> {
                        done.add(outcome.id());
                        written++;
                    }
                    case RETRYABLE -> owners.get(outcome.id()).forEach(email -> retryReasons.put(email, describe(outcome)));
                    case PERMANENT -> {
                        if (outcome.statusCode().filter(FIELD_NOT_WRITABLE::equals).isPresent()) {
                            // Field-level security changed since the field was checked: it concerns every record of
                            // the object, so the addresses wait as for a field known to be unusable.
                            fields.refresh();
                            waiting.addAll(owners.get(outcome.id()));
                            raised += raiseFieldUnavailable(check, outcome.id().objectType());
                        } else {
                            for (Email email : owners.get(outcome.id())) {
                                if (raise(rejected(email, outcome, "Salesforce refused to set the opt-out"))) {
                                    raised++;
                                }
                            }
                        }
                    }
                }
            }
            mirror.markOptedOut(done);
        }

        List<Long> settled = new ArrayList<>();
        int retrying = 0;
        for (Map.Entry<Email, List<OutboxEntry>> pending : entries.entrySet()) {
            Email email = pending.getKey();
            String reason = retryReasons.get(email);
            if (reason == null && !waiting.contains(email)) {
                pending.getValue().forEach(entry -> settled.add(entry.id()));
                continue;
            }
            for (OutboxEntry entry : pending.getValue()) {
                if (reason != null && entry.attempts() + 1 >= retry.attempts()) {
                    if (raise(new NewConflict(ConflictKind.WRITE_REJECTED, Optional.of(email), Optional.empty(),
                            Optional.empty(), Optional.of(reason.split(":")[0]), "Salesforce kept refusing the opt-out "
                                    + "after " + retry.attempts() + " attempts; last answer: " + reason))) {
                        raised++;
                    }
                    settled.add(entry.id());
                } else {
                    later(entry, Duration.ZERO, reason == null ? "waiting for the opt-out field to become usable" : reason);
                    retrying++;
                }
            }
        }
        outbox.remove(settled);
        return new PushReport(due.size(), written, settled.size(), retrying, raised);
    }

    /**
     * The current Salesforce state of every record the entries can reach. While the nightly sync keeps the mirror
     * current, the records it holds for an address are taken as it saw them, except those Salesforce reports changed
     * since (one query per few thousand ids, answering with the few that did); only addresses it does not know, or
     * whose known records no longer carry them, are searched by email. A record given a known address after the
     * last nightly run is that run's to catch (docs/decisions: "the real-time pusher looks records up in the mirror").
     */
    private Map<SalesforceId, OrgRecord> lookUp(SalesforceOrg salesforce, SyncSettings current,
            Map<SObjectType, String> apiNames, Set<Email> emails, Map<Email, Set<SalesforceId>> linked) {
        Map<SalesforceId, OrgRecord> found = new HashMap<>();
        Optional<Instant> mirrorAsOf = current.matchByEmail() ? mirrorCurrentAsOf(current) : Optional.empty();
        Map<Email, List<MirrorRecord>> known = mirrorAsOf.isPresent() ? mirror.liveByEmail(emails) : Map.of();
        if (current.matchByEmail()) {
            search(salesforce, apiNames, emails.stream().filter(e -> !known.containsKey(e)).toList(), found);
        }
        mirrorAsOf.ifPresent(asOf -> takeFromMirror(salesforce, apiNames, known, asOf, found));
        Map<SObjectType, Set<SalesforceId>> wanted = new EnumMap<>(SObjectType.class);
        linked.values().forEach(ids -> ids.stream().filter(id -> !found.containsKey(id)).forEach(id -> want(wanted, id)));
        fetch(salesforce, apiNames, wanted, found);
        Map<Email, List<SalesforceId>> stillThere = byEmail(found.values());
        search(salesforce, apiNames, known.keySet().stream().filter(e -> !stillThere.containsKey(e)).toList(), found);
        Map<SObjectType, Set<SalesforceId>> contacts = new EnumMap<>(SObjectType.class);
        found.values().stream().filter(OrgRecord::converted).flatMap(r -> r.convertedContactId().stream())
                .filter(id -> !found.containsKey(id)).forEach(id -> want(contacts, id));
        fetch(salesforce, apiNames, contacts, found);
        return found;
    }

    /** The mirror's records as of its last pull, overlaid with what Salesforce changed since; deleted ones drop out. */
    private static void takeFromMirror(SalesforceOrg salesforce, Map<SObjectType, String> apiNames,
            Map<Email, List<MirrorRecord>> known, Instant asOf, Map<SalesforceId, OrgRecord> found) {
        Map<SObjectType, Map<SalesforceId, MirrorRecord>> byType = new EnumMap<>(SObjectType.class);
        known.values().forEach(records -> records.forEach(r -> byType.computeIfAbsent(r.objectType(),
                t -> new LinkedHashMap<>()).put(r.id(), r)));
        byType.forEach((type, records) -> {
            if (!apiNames.containsKey(type)) {
                return;
            }
            Map<SalesforceId, OrgRecord> changed = new HashMap<>();
            salesforce.changedSince(type, apiNames.get(type), records.keySet(), asOf.minus(NightlySync.OVERLAP))
                    .forEach(r -> changed.put(r.id(), r));
            records.forEach((id, seen) -> {
                OrgRecord now = changed.getOrDefault(id, new OrgRecord(id, seen.email(), seen.email().map(Email::value),
                        seen.optedOut(), seen.converted(), seen.convertedContactId(), false, seen.masterRecordId(),
                        asOf));
                if (!now.deleted()) {
                    found.put(id, now);
                }
            });
        });
    }

    private static void search(SalesforceOrg salesforce, Map<SObjectType, String> apiNames, List<Email> emails,
            Map<SalesforceId, OrgRecord> found) {
        if (emails.isEmpty()) {
            return;
        }
        apiNames.forEach((type, apiName) -> salesforce.findByEmails(type, apiName, emails)
                .forEach(r -> found.put(r.id(), r)));
    }

    /** When the mirror was last brought up to date, while the nightly sync keeps it current. */
    private Optional<Instant> mirrorCurrentAsOf(SyncSettings current) {
        Instant oldestUsable = clock.instant().minus(MIRROR_CURRENT_FOR);
        return current.nightlySync() ? runs.lastWatermark().filter(w -> w.isAfter(oldestUsable)) : Optional.empty();
    }

    private static void want(Map<SObjectType, Set<SalesforceId>> wanted, SalesforceId id) {
        wanted.computeIfAbsent(id.objectType(), t -> new LinkedHashSet<>()).add(id);
    }

    private static Map<Email, List<SalesforceId>> byEmail(Collection<OrgRecord> records) {
        Map<Email, List<SalesforceId>> byEmail = new HashMap<>();
        records.forEach(r -> r.email().ifPresent(e -> byEmail.computeIfAbsent(e, k -> new ArrayList<>()).add(r.id())));
        return byEmail;
    }

    private static void fetch(SalesforceOrg salesforce, Map<SObjectType, String> apiNames,
            Map<SObjectType, Set<SalesforceId>> ids, Map<SalesforceId, OrgRecord> found) {
        ids.forEach((type, wanted) -> {
            if (apiNames.containsKey(type) && !wanted.isEmpty()) {
                salesforce.findByIds(type, apiNames.get(type), wanted).forEach(r -> found.put(r.id(), r));
            }
        });
    }

    /** A converted lead leads to its contact. */
    private static OrgRecord follow(Map<SalesforceId, OrgRecord> found, SalesforceId id) {
        OrgRecord record = found.get(id);
        if (record != null && record.converted() && record.convertedContactId().isPresent()) {
            return found.get(record.convertedContactId().get());
        }
        return record;
    }

    private int raiseFieldUnavailable(FieldCheck check, SObjectType type) {
        FieldCheck.ObjectField field = check.objects().get(type);
        String problem = field == null ? "The opt-out field was not found on " + type.apiName() + "."
                : field.problem().orElse("The opt-out field cannot be written on " + type.apiName() + ".");
        return raise(new NewConflict(ConflictKind.FIELD_UNAVAILABLE, Optional.empty(), Optional.empty(), Optional.of(type),
                Optional.empty(), problem + " Opt-outs for " + type.apiName() + " wait until it is fixed.")) ? 1 : 0;
    }

    private boolean raise(NewConflict conflict) {
        return conflicts.record(conflict, clock.instant());
    }

    private static NewConflict rejected(Email email, WriteOutcome outcome, String what) {
        return new NewConflict(ConflictKind.WRITE_REJECTED, Optional.of(email), Optional.of(outcome.id()),
                Optional.of(outcome.id().objectType()), outcome.statusCode(),
                what + " on " + outcome.id().objectType().apiName() + " " + outcome.id() + ": " + describe(outcome));
    }

    private static String describe(WriteOutcome outcome) {
        return outcome.statusCode().orElse("UNKNOWN") + ": " + outcome.message().orElse("no message");
    }

    private void later(OutboxEntry entry, Duration floor, String reason) {
        int attempts = entry.attempts() + 1;
        Duration delay = retry.delayAfter(attempts);
        Instant next = clock.instant().plus(delay.compareTo(floor) < 0 ? floor : delay);
        outbox.retryLater(entry.id(), attempts, next, reason);
    }
}
