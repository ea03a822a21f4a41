package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Settlement;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceBulk;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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
 * with the nightly sync on, Email Opt Out with it off. Which records those are is {@link RecordsToOptOut}'s to say,
 * as for the nightly run: converted leads and merges are followed ({@link PushLookup} reads what that needs).
 * Entries leave the outbox only when settled; failures wait with capped back-off, and outages never turn into
 * conflicts.
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
    private final CurrentOrg org;
    private final SalesforceBulk bulk;
    private final OptOutFields fields;
    private final RetryPolicy retry;
    private final Clock clock;
    private final PushLookup lookup;
    private final StaleConflicts staleConflicts;
    private long dueAtLastLook;

    public RealtimePusher(OutboxRepository outbox, PeopleRepository people, SettingsRepository settings,
            ConflictRepository conflicts, MirrorRepository mirror, SyncRunRepository runs, CurrentOrg org,
            SalesforceBulk bulk, OptOutFields fields, RetryPolicy retry, Clock clock) {
        this.outbox = outbox;
        this.people = people;
        this.settings = settings;
        this.conflicts = conflicts;
        this.mirror = mirror;
        this.org = org;
        this.bulk = bulk;
        this.fields = fields;
        this.retry = retry;
        this.clock = clock;
        this.lookup = new PushLookup(mirror, runs, clock);
        this.staleConflicts = new StaleConflicts(conflicts);
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
        FieldCheck check = fields.check(salesforce, current.realtimePushField(), current);
        Map<SObjectType, String> apiNames = new EnumMap<>(SObjectType.class);
        Set<SObjectType> blocked = EnumSet.noneOf(SObjectType.class);
        for (SObjectType type : SObjectType.values()) {
            OptOutFields.usableApiName(check, type).ifPresentOrElse(name -> apiNames.put(type, name),
                    () -> blocked.add(type));
        }

        Map<Email, List<OutboxEntry>> entries = new LinkedHashMap<>();
        due.forEach(entry -> entries.computeIfAbsent(entry.email(), e -> new ArrayList<>()).add(entry));
        Map<Email, Set<SalesforceId>> linked = people.salesforceIds(entries.keySet());
        PushLookup.Found found = lookup.lookUp(salesforce, current, apiNames, entries.keySet(), linked);
        if (current.nightlySync()) {
            // What the push read is the chosen field's state now: the mirror keeps it as a pull would, merges too.
            mirror.save(found.readFromSalesforce().stream().map(NightlySync::pulled).toList());
        }

        Pass pass = new Pass(check);
        RecordsToOptOut rule = new RecordsToOptOut(current, blocked, found::seen);
        Map<Email, List<SalesforceId>> withAddress = current.matchByEmail() ? found.liveByEmail() : Map.of();
        for (Email email : entries.keySet()) {
            pass.decide(email, rule.forAddress(email, linked.getOrDefault(email, Set.of()),
                    withAddress.getOrDefault(email, List.of()), true));
        }
        pass.write(salesforce, current, apiNames);
        pass.closeWhatWasFollowed(found);
        return pass.settle(entries, due.size());
    }

    /**
     * One pass's decisions, writes and outcomes, address by address. An address leaves the outbox only as
     * {@link Settlement} allows: every record it names written, or a conflict saying why.
     */
    private final class Pass {
        private final FieldCheck check;
        private final Map<SObjectType, List<SalesforceId>> toWrite = new EnumMap<>(SObjectType.class);
        private final Map<SalesforceId, Set<Email>> owners = new HashMap<>();
        private final Map<Email, RecordsToOptOut.Decision> decisions = new LinkedHashMap<>();
        private final Settlement settlement = new Settlement();
        private final Map<SalesforceId, String> refusals = new HashMap<>();
        private final Set<SObjectType> fieldTurnedUnusable = EnumSet.noneOf(SObjectType.class);
        private int written;
        private int raised;

        Pass(FieldCheck check) {
            this.check = check;
        }

        void decide(Email email, RecordsToOptOut.Decision decision) {
            for (PlannedConflict conflict : decision.conflicts()) {
                raise(new NewConflict(conflict.kind(), conflict.email(), conflict.recordId(), conflict.objectType(),
                        Optional.empty(), conflict.explanation()));
            }
            decision.waitingFor().forEach(this::fieldUnavailable);
            for (SalesforceId id : decision.toWrite()) {
                if (owners.computeIfAbsent(id, i -> new LinkedHashSet<>()).add(email) && owners.get(id).size() == 1) {
                    toWrite.computeIfAbsent(id.objectType(), t -> new ArrayList<>()).add(id);
                }
            }
            decisions.put(email, decision);
        }

        void write(SalesforceOrg salesforce, SyncSettings current, Map<SObjectType, String> apiNames) {
            for (Map.Entry<SObjectType, List<SalesforceId>> batch : toWrite.entrySet()) {
                List<WriteOutcome> outcomes = OptOutWriter.forRecords(batch.getValue().size(), current).write(
                        salesforce, bulk, batch.getKey(), apiNames.get(batch.getKey()), batch.getValue());
                List<SalesforceId> done = new ArrayList<>();
                for (WriteOutcome outcome : outcomes) {
                    switch (outcome.result()) {
                        case WRITTEN -> done.add(outcome.id());
                        case RETRYABLE -> {
                            settlement.refused(outcome.id(), outcome.statusCode().orElse(Settlement.NO_ANSWER));
                            refusals.put(outcome.id(), describe(outcome));
                        }
                        case PERMANENT -> refused(outcome);
                    }
                }
                mirror.markOptedOut(done);
                settlement.written(done);
                written += done.size();
            }
        }

        private void refused(WriteOutcome outcome) {
            if (outcome.statusCode().filter(FIELD_NOT_WRITABLE::equals).isPresent()) {
                // Field-level security changed since the field was checked: it concerns every record of the object,
                // so the addresses wait as for a field known to be unusable.
                fields.refresh();
                fieldTurnedUnusable.add(outcome.id().objectType());
                fieldUnavailable(outcome.id().objectType());
            } else {
                owners.get(outcome.id()).forEach(email -> raise(rejected(email, outcome,
                        "Salesforce refused to set the opt-out")));
                settlement.explained(outcome.id());
            }
        }

        /** Conflicts about records the push followed to one that now carries the opt-out are stale. */
        void closeWhatWasFollowed(PushLookup.Found found) {
            decisions.forEach((email, decision) -> {
                for (RecordsToOptOut.Followed route : decision.followed()) {
                    OrgRecord to = found.records().get(route.to());
                    if (settlement.isWritten(route.to()) || to != null && to.optedOut()) {
                        staleConflicts.close(email, route, "real-time push", clock.instant());
                    }
                }
            });
        }

        PushReport settle(Map<Email, List<OutboxEntry>> entries, int due) {
            List<Long> settled = new ArrayList<>();
            int retrying = 0;
            for (Map.Entry<Email, List<OutboxEntry>> pending : entries.entrySet()) {
                Email email = pending.getKey();
                RecordsToOptOut.Decision decision = decisions.get(email);
                if (settlement.settles(decision)) {
                    pending.getValue().forEach(entry -> settled.add(entry.id()));
                    continue;
                }
                Optional<String> refusal = refusal(decision);
                for (OutboxEntry entry : pending.getValue()) {
                    if (refusal.isPresent() && entry.attempts() + 1 >= retry.attempts()) {
                        raise(new NewConflict(ConflictKind.WRITE_REJECTED, Optional.of(email), Optional.empty(),
                                Optional.empty(), Optional.of(refusal.get().split(":")[0]), "Salesforce kept refusing "
                                        + "the opt-out after " + retry.attempts() + " attempts; last answer: "
                                        + refusal.get()));
                        settled.add(entry.id());
                    } else {
                        later(entry, Duration.ZERO, refusal.orElse("waiting for the opt-out field to become usable"));
                        retrying++;
                    }
                }
            }
            outbox.remove(settled);
            return new PushReport(due, written, settled.size(), retrying, raised);
        }

        /**
         * Why an address's record is neither written nor explained, when it is worth trying again; empty when the
         * address only waits for its field to become usable.
         */
        private Optional<String> refusal(RecordsToOptOut.Decision decision) {
            return decision.toWrite().stream()
                    .filter(id -> !settlement.isSettled(id) && !fieldTurnedUnusable.contains(id.objectType()))
                    .map(id -> refusals.getOrDefault(id, Settlement.NO_ANSWER + ": Salesforce gave no answer for "
                            + id.objectType().apiName() + " " + id))
                    .findFirst();
        }

        private void fieldUnavailable(SObjectType type) {
            raised += raiseFieldUnavailable(check, type);
        }

        private void raise(NewConflict conflict) {
            if (RealtimePusher.this.raise(conflict)) {
                raised++;
            }
        }
    }

    private int raiseFieldUnavailable(FieldCheck check, SObjectType type) {
        return raise(OptOutFields.unavailable(check, type)) ? 1 : 0;
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
