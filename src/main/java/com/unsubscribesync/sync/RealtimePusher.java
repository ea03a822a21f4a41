package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.salesforce.SalesforceBulk;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.ConflictRepository;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: every unsubscribe recorded here is set on its Leads and Contacts at once — the chosen field
 * with the nightly sync on, Email Opt Out with it off. Which records those are is {@link RecordsToOptOut}'s to say,
 * as for the nightly run: converted leads and merges are followed ({@link PushLookup} reads what that needs).
 * Entries leave the outbox only when settled; failures wait with capped back-off, and outages never turn into
 * conflicts.
 */
public final class RealtimePusher implements OutboxPasses {
    /** A burst of this many goes out in one pass: one round of lookups, then full batches of 200. */
    public static final int ENTRIES_PER_PASS = 10_000;
    /** A burst still arriving is gathered while the number due grows from one look to the next, this far apart. */
    public static final Duration QUIET = Duration.ofMillis(100);
    /**
     * ... but never longer than this after the oldest due entry was recorded, so that a burst of a second still
     * goes in one pass and a steady trickle waits at most this long (rule 1 allows 2 s in all).
     */
    public static final Duration GATHER_AT_MOST = Duration.ofMillis(1500);
    /**
     * ... or this, while another pass is under way and at least the Bulk threshold is due: the entries committed after
     * that pass's claim go in the next one without waiting for it to end (ADR 0085).
     */
    public static final Duration GATHER_WHILE_SENDING = Duration.ofMillis(500);

    /** Back-off for pushes a record refused for now: 2 s doubling to 15 min, ten attempts, then the admin decides. */
    public static RetryPolicy standardRetry(java.util.random.RandomGenerator random) {
        return new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofMinutes(15), delay -> {}, random);
    }

    /**
     * How long a node holds the entries it claimed (renewed while its pass lasts): when a node dies mid-push, its
     * entries wait at most this long for another node. Short next to the back-off of a retry, long next to the
     * renewal's one write a third of it apart, and well above the clock skew of hosts kept by NTP.
     */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private static final Duration LIMIT_PAUSE = Duration.ofHours(1);
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
    private final UnsubscribesOnTheWay onTheWay;
    private final String node = NodeName.ofThisProcess();
    /** Sends one object's opt-outs while the pass's own thread sends the other's. */
    private final ExecutorService alongside = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "realtime-pusher-alongside");
        thread.setDaemon(true);
        return thread;
    });

    private long dueAtLastLook;

    public RealtimePusher(
            OutboxRepository outbox,
            PeopleRepository people,
            SettingsRepository settings,
            ConflictRepository conflicts,
            MirrorRepository mirror,
            SyncRunRepository runs,
            CurrentOrg org,
            SalesforceBulk bulk,
            OptOutFields fields,
            RetryPolicy retry,
            Clock clock,
            UnsubscribesOnTheWay onTheWay) {
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
        this.lookup = new PushLookup(mirror, runs, clock, alongside);
        this.staleConflicts = new StaleConflicts(conflicts);
        this.onTheWay = onTheWay;
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
     * Zero when a pass should run now, else how long to let a burst keep arriving first. It waits while the burst
     * is still arriving, unless a full pass is due or the oldest due entry has waited {@link #GATHER_AT_MOST}; a burst
     * then costs one round of lookups and full write batches instead of a pass, a lookup and a part-filled batch per
     * handful of arrivals. Retries, recorded long ago, never wait here.
     *
     * <p>A burst is still arriving while the number due grows between looks {@link #QUIET} apart, or while this
     * process's intake holds unsubscribes not yet committed ({@link UnsubscribesOnTheWay}): its commits can come
     * further apart than the looks. A process without an intake cannot tell, so there a pause ends the gathering only
     * when no other pass is under way ({@code passUnderWay}); a burst whose commits come in lumps would otherwise go
     * out in many small passes of SOAP updates, each costing calls that one Bulk job saves (ADR 0077, 0086).
     */
    @Override
    public synchronized Duration untilBurstGathered(boolean passUnderWay) {
        Instant now = clock.instant();
        OutboxRepository.Due due = outbox.dueSummary(now);
        long before = dueAtLastLook;
        dueAtLastLook = due.count();
        if (due.count() == 0 || due.count() >= ENTRIES_PER_PASS || !stillArriving(due.count() > before, passUnderWay)) {
            return Duration.ZERO;
        }
        int bulkThreshold = settings.load().bulkThreshold();
        if (due.count() >= 2L * bulkThreshold) {
            // Enough for Bulk jobs (a Lead's and a Contact's share each at the threshold, in the usual case), whose
            // few calls do not grow with their size: waiting for more would cost time and save no call.
            return Duration.ZERO;
        }
        Duration waited = Duration.between(due.oldestRecordedAt().orElse(now), now);
        // Only a pass of full batches goes beside one under way: a slow trickle of commits cut into small passes
        // would cost a part-filled update and a round of lookups each.
        Duration most = passUnderWay && due.count() >= bulkThreshold ? GATHER_WHILE_SENDING : GATHER_AT_MOST;
        return waited.compareTo(most) >= 0 ? Duration.ZERO : min(QUIET, most.minus(waited));
    }

    private boolean stillArriving(boolean grown, boolean passUnderWay) {
        OptionalInt uncommitted = onTheWay.count();
        return grown || uncommitted.orElse(0) > 0 || uncommitted.isEmpty() && passUnderWay;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One pass over at most {@value #ENTRIES_PER_PASS} due entries. */
    public PushReport drainOnce() {
        return drainOnce(() -> {});
    }

    /**
     * One pass, as {@link #drainOnce()}; {@code sending} is run once its entries are claimed and looked up and its
     * writes are about to go to Salesforce, so that the next pass can start gathering while this one waits for
     * Salesforce's answers. A pass that finds nothing to claim, or fails before, does not run it.
     */
    @Override
    public PushReport drainOnce(Runnable sending) {
        Optional<SalesforceOrg> connected = org.current();
        if (connected.isEmpty()) {
            return PushReport.NOTHING;
        }
        List<OutboxEntry> due = outbox.claim(node, clock.instant(), CLAIM_LEASE, ENTRIES_PER_PASS);
        if (due.isEmpty()) {
            return PushReport.NOTHING;
        }
        try (ClaimRenewal renewal = new ClaimRenewal(outbox, node, CLAIM_LEASE, clock)) {
            return push(connected.get(), due, sending);
        } catch (SalesforceException e) {
            LOG.warn("Real-time push of {} entries failed as a whole ({}): {}", due.size(), e.kind(), e.getMessage());
            Duration floor = e.kind() == SalesforceException.Kind.API_LIMIT_EXCEEDED ? LIMIT_PAUSE : Duration.ZERO;
            for (OutboxEntry entry : due) {
                later(entry, floor, e.statusCode().orElse(e.kind().name()) + ": " + e.getMessage());
            }
            return new PushReport(due.size(), 0, 0, due.size(), 0);
        } catch (RuntimeException e) {
            // Not left claimed for a lease: the next pass, here or on another node, tries them again at once.
            try {
                outbox.release(node, due.stream().map(OutboxEntry::id).toList());
            } catch (RuntimeException notFreed) {
                e.addSuppressed(notFreed);
            }
            throw e;
        }
    }

    /** Looks the due addresses' records up, decides what to set, writes it, then settles the outbox. */
    private PushReport push(SalesforceOrg salesforce, List<OutboxEntry> due, Runnable sending) {
        SyncSettings current = settings.load();
        UsableFields usable = UsableFields.of(fields.check(salesforce, current.realtimePushField(), current));
        Map<Email, List<OutboxEntry>> entries = new LinkedHashMap<>();
        due.forEach(entry ->
                entries.computeIfAbsent(entry.email(), e -> new ArrayList<>()).add(entry));
        Map<Email, Set<SalesforceId>> linked = people.salesforceIds(entries.keySet());
        PushLookup.Found found = lookUp(salesforce, current, usable, entries.keySet(), linked);

        PassConflicts raised = new PassConflicts(conflicts, usable.check(), clock);
        PassPlan plan = plan(current, usable, found, entries.keySet(), linked, raised);
        PassWrites writes = new PassWrites(mirror, fields, raised, alongside);
        sending.run();
        writes.write(salesforce, bulk, current, usable, plan);
        closeWhatWasFollowed(plan, writes, found);
        List<Long> settled = new ArrayList<>();
        int retrying = 0;
        for (Map.Entry<Email, List<OutboxEntry>> pending : entries.entrySet()) {
            retrying += settle(pending.getKey(), pending.getValue(), plan, writes, raised, settled);
        }
        outbox.remove(node, settled);
        return new PushReport(due.size(), writes.written(), settled.size(), retrying, raised.raised());
    }

    private PushLookup.Found lookUp(
            SalesforceOrg salesforce,
            SyncSettings current,
            UsableFields usable,
            Set<Email> emails,
            Map<Email, Set<SalesforceId>> linked) {
        PushLookup.Found found = lookup.lookUp(salesforce, current, usable.apiNames(), emails, linked);
        if (current.nightlySync()) {
            // What the push read is the chosen field's state now: the mirror keeps it as a pull would, merges too.
            mirror.save(
                    found.readFromSalesforce().stream().map(NightlySync::pulled).toList());
        }
        return found;
    }

    /** The rule's decision for every due address, raising the conflicts it finds on the way. */
    private static PassPlan plan(
            SyncSettings current,
            UsableFields usable,
            PushLookup.Found found,
            Set<Email> emails,
            Map<Email, Set<SalesforceId>> linked,
            PassConflicts raised) {
        RecordsToOptOut rule = new RecordsToOptOut(current, usable.blocked(), found::seen);
        Map<Email, List<SalesforceId>> withAddress = current.matchByEmail() ? found.liveByEmail() : Map.of();
        PassPlan plan = new PassPlan();
        for (Email email : emails) {
            RecordsToOptOut.Decision decision = rule.forAddress(
                    email, linked.getOrDefault(email, Set.of()), withAddress.getOrDefault(email, List.of()), true);
            raised.found(decision);
            plan.add(email, decision);
        }
        raised.raiseFound();
        return plan;
    }

    /** Conflicts about records the push followed to one that now carries the opt-out are stale. */
    private void closeWhatWasFollowed(PassPlan plan, PassWrites writes, PushLookup.Found found) {
        plan.forEachDecision((email, decision) -> {
            for (RecordsToOptOut.Followed route : decision.followed()) {
                OrgRecord to = found.records().get(route.to());
                if (writes.isWritten(route.to()) || to != null && to.optedOut()) {
                    staleConflicts.close(email, route, "real-time push", clock.instant());
                }
            }
        });
    }

    /**
     * An address's entries leave the outbox when the pass settled it, or as a conflict once Salesforce refused it
     * on every attempt; else they wait for their next try. Returns how many wait.
     */
    private int settle(
            Email email,
            List<OutboxEntry> pending,
            PassPlan plan,
            PassWrites writes,
            PassConflicts raised,
            List<Long> settled) {
        RecordsToOptOut.Decision decision = plan.decision(email);
        if (writes.settles(decision)) {
            pending.forEach(entry -> settled.add(entry.id()));
            return 0;
        }
        Optional<String> refusal = writes.refusal(decision);
        int waiting = 0;
        for (OutboxEntry entry : pending) {
            if (refusal.isPresent() && entry.attempts() + 1 >= retry.attempts()) {
                raised.raise(WriteRejections.keptRefusing(email, retry.attempts(), refusal.get()));
                settled.add(entry.id());
            } else {
                later(entry, Duration.ZERO, refusal.orElse("waiting for the opt-out field to become usable"));
                waiting++;
            }
        }
        return waiting;
    }

    private void later(OutboxEntry entry, Duration floor, String reason) {
        int attempts = entry.attempts() + 1;
        Duration delay = retry.delayAfter(attempts);
        Instant next = clock.instant().plus(delay.compareTo(floor) < 0 ? floor : delay);
        outbox.retryLater(node, entry.id(), attempts, next, reason);
    }
}
