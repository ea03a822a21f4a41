package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.salesforce.ApiUsage;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.PlannedPush;
import com.unsubscribesync.store.RunLock;
import com.unsubscribesync.store.RunPlan;
import com.unsubscribesync.store.RunPlanRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly bidirectional run: pull the Leads and Contacts changed since the last good run into the mirror,
 * plan with the ratchet a slice of addresses at a time into a plan kept in the database, then import Salesforce
 * opt-outs and push local unsubscribes, reading the plan back a page at a time. Memory does not grow with the org.
 * A dry run stops after the plan; its plan, with what it pulled, is deleted at the end, so it changes nothing.
 */
public final class NightlySync {
    /** Changes made while the previous run was reading are caught by starting a little before its watermark. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** Renewed while the run lasts; a run whose process was killed stops blocking others after this long. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    /** How much of each list of the plan a report carries, for showing. */
    static final int SAMPLE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(NightlySync.class);

    private final UnsubscribeRepository unsubscribes;
    private final SettingsRepository settings;
    private final MirrorRepository mirror;
    private final ConflictRepository conflicts;
    private final SyncRunRepository runs;
    private final RunPlanRepository plans;
    private final int sliceSize;
    private final RunPlanner planner;
    private final RunLock lock;
    private final CurrentOrg org;
    private final OptOutFields fields;
    private final Clock clock;
    private final StaleConflicts staleConflicts;
    private final String holder = "run-" + UUID.randomUUID();

    public NightlySync(UnsubscribeRepository unsubscribes, SettingsRepository settings, MirrorRepository mirror,
            ConflictRepository conflicts, SyncRunRepository runs, RunPlanRepository plans, RunLock lock, CurrentOrg org,
            OptOutFields fields, Clock clock) {
        this(unsubscribes, settings, mirror, conflicts, runs, plans, lock, org, fields, clock, RunPlanner.SLICE);
    }

    /**
     * @param sliceSize addresses planned at a time, and rows read back from the plan at a time (tests make it tiny,
     *                  to cross many slice boundaries)
     */
    NightlySync(UnsubscribeRepository unsubscribes, SettingsRepository settings, MirrorRepository mirror,
            ConflictRepository conflicts, SyncRunRepository runs, RunPlanRepository plans, RunLock lock, CurrentOrg org,
            OptOutFields fields, Clock clock, int sliceSize) {
        this.unsubscribes = unsubscribes;
        this.settings = settings;
        this.mirror = mirror;
        this.conflicts = conflicts;
        this.runs = runs;
        this.plans = plans;
        this.sliceSize = sliceSize;
        this.planner = new RunPlanner(sliceSize);
        this.lock = lock;
        this.org = org;
        this.fields = fields;
        this.clock = clock;
        this.staleConflicts = new StaleConflicts(conflicts);
    }

    /** Thrown when another run (in this process or another) holds the lock. */
    public static final class AlreadyRunning extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyRunning() {
            super("A sync run is already in progress; this one was not started");
        }
    }

    public RunReport run(RunRequest request, RunProgress progress) {
        SalesforceOrg salesforce = org.current().orElseThrow(() -> new IllegalStateException(
                "No Salesforce org is connected: connect one (or the demo org) before running the sync"));
        Optional<RunLock.Held> held = request.dryRun() ? Optional.empty() : lock.hold(holder, LEASE, clock);
        if (!request.dryRun() && held.isEmpty()) {
            throw new AlreadyRunning();
        }
        Instant started = clock.instant();
        if (held.isPresent()) {
            runs.closeAbandoned(started);
        }
        long callsBefore = salesforce.callsMade();
        long runId = request.dryRun() ? -1 : runs.start(request.trigger(), false, started);
        Counter counter = new Counter();
        try {
            RunReport report = execute(salesforce, request, progress, counter, callsBefore, started, held);
            if (!request.dryRun()) {
                runs.finish(runId, report.outcome(), counts(report), report.message(), counter.watermark, clock.instant());
            }
            return report;
        } catch (RuntimeException e) {
            LOG.error("Sync run failed", e);
            if (!request.dryRun()) {
                runs.finish(runId, SyncRun.Outcome.FAILED, new SyncRun.Counts(counter.pulled, counter.pushed,
                        counter.imported, counter.conflicts, (int) (salesforce.callsMade() - callsBefore)),
                        Optional.of(sentence(e)), Optional.empty(), clock.instant());
            }
            throw e;
        } finally {
            held.ifPresent(RunLock.Held::close);
        }
    }

    private static final class Counter {
        int pulled;
        int pushed;
        int imported;
        int conflicts;
        Optional<Instant> watermark = Optional.empty();
    }

    private RunReport execute(SalesforceOrg salesforce, RunRequest request, RunProgress progress, Counter counter,
            long callsBefore, Instant started, Optional<RunLock.Held> held) {
        SyncSettings current = settings.load();
        FieldCheck check = fields.check(salesforce, current.field(), current);
        Map<SObjectType, String> apiNames = new EnumMap<>(SObjectType.class);
        Set<SObjectType> blocked = EnumSet.noneOf(SObjectType.class);
        for (SObjectType type : SObjectType.values()) {
            Optional<String> name = OptOutFields.usableApiName(check, type);
            name.ifPresentOrElse(n -> apiNames.put(type, n), () -> blocked.add(type));
        }

        Instant serverStart = salesforce.serverTime();
        Optional<Instant> since = request.full() ? Optional.empty() : runs.lastWatermark().map(w -> w.minus(OVERLAP));
        try (RunPlan plan = plans.open(request.dryRun(), sliceSize, clock.instant())) {
            Runnable stillRunning = new Leases(plan, held);
            for (Map.Entry<SObjectType, String> object : apiNames.entrySet()) {
                progress.update("Reading " + object.getKey().apiName() + "s changed in Salesforce", counter.pulled, -1);
                salesforce.pullChanged(object.getKey(), object.getValue(), since, chunk -> {
                    List<MirrorRepository.Pulled> rows = new ArrayList<>(chunk.size());
                    chunk.forEach(record -> rows.add(pulled(record)));
                    counter.pulled += rows.size();
                    if (request.dryRun()) {
                        plan.savePulled(rows);
                    } else {
                        mirror.save(rows);
                    }
                    stillRunning.run();
                    progress.update("Reading " + object.getKey().apiName() + "s changed in Salesforce", counter.pulled,
                            -1);
                });
            }

            progress.update("Planning", 0, -1);
            planner.plan(plan, current, blocked, progress, stillRunning);
            Map<SObjectType, Long> pushes = plan.pushCounts();
            if (request.dryRun()) {
                long writes = pushes.values().stream().mapToLong(n -> OptOutWriter.forRecords(n.intValue(), current)
                        .plannedCalls(n.intValue())).sum();
                return new RunReport(true, SyncRun.Outcome.SUCCEEDED, counter.pulled,
                        (int) pushes.values().stream().mapToLong(Long::longValue).sum(), (int) plan.importCount(),
                        (int) plan.conflictCount(), salesforce.callsMade() - callsBefore + writes,
                        Duration.between(started, clock.instant()).toMillis(), sample(plan, pushes), Optional.empty());
            }

            noteReapplied(plan, pushes.keySet());
            for (Iterator<PlannedConflict> planned = plan.conflicts(); planned.hasNext(); ) {
                PlannedConflict conflict = planned.next();
                if (conflicts.record(new NewConflict(conflict.kind(), conflict.email(), conflict.recordId(),
                        conflict.objectType(), Optional.empty(), conflict.explanation()), clock.instant())) {
                    counter.conflicts++;
                }
            }
            progress.update("Importing opt-outs from Salesforce", 0, plan.importCount());
            Instant now = clock.instant();
            Spliterator<Email> imports = Spliterators.spliteratorUnknownSize(plan.imports(), Spliterator.ORDERED);
            counter.imported = (int) unsubscribes.addAll(StreamSupport.stream(imports, false).map(email ->
                    new Unsubscribe(email, now, UnsubscribeSource.SALESFORCE_SYNC, "nightly sync", Optional.empty()))
                    .iterator());

            Optional<String> stoppedBecause = push(salesforce, plan, pushes, apiNames, current, progress, counter,
                    stillRunning);
            staleConflicts.closeWhereFollowed(new RecordsToOptOut(current, blocked, mirror::find), "nightly sync",
                    clock.instant());
            counter.watermark = stoppedBecause.isPresent() ? Optional.empty() : Optional.of(serverStart);
            SyncRun.Outcome outcome = stoppedBecause.isPresent() ? SyncRun.Outcome.STOPPED : SyncRun.Outcome.SUCCEEDED;
            return new RunReport(false, outcome, counter.pulled, counter.pushed, counter.imported, counter.conflicts,
                    salesforce.callsMade() - callsBefore, Duration.between(started, clock.instant()).toMillis(),
                    sample(plan, pushes), stoppedBecause);
        }
    }

    /**
     * Pushes in SOAP calls of 200, or in Bulk API jobs when one object has enough to push; stops before the API
     * reserve or on request, leaving the rest for the next run.
     */
    private Optional<String> push(SalesforceOrg salesforce, RunPlan plan, Map<SObjectType, Long> pushes,
            Map<SObjectType, String> apiNames,
            SyncSettings current, RunProgress progress, Counter counter, Runnable stillRunning) {
        long total = pushes.values().stream().mapToLong(Long::longValue).sum();
        long done = 0;
        for (Map.Entry<SObjectType, Long> object : pushes.entrySet()) {
            Iterator<PlannedPush> ids = plan.pushes(object.getKey());
            OptOutWriter writer = OptOutWriter.forRecords(object.getValue().intValue(), current);
            while (ids.hasNext()) {
                if (progress.cancelled()) {
                    return Optional.of("Stopped on request after " + counter.pushed + " opt-outs; the rest is pushed "
                            + "by the next run.");
                }
                Optional<ApiUsage> usage = salesforce.apiUsage();
                if (usage.isPresent() && usage.get().wouldCutIntoReserve(1, current.apiReservePercent())) {
                    return Optional.of("Stopped before using the last " + current.apiReservePercent() + " % of the "
                            + "org's daily API allowance (" + usage.get().used() + " of " + usage.get().limit()
                            + " used); the remaining opt-outs are pushed by the next run.");
                }
                List<SalesforceId> batch = new ArrayList<>(writer.step());
                Map<SalesforceId, Email> owner = new HashMap<>();
                while (batch.size() < writer.step() && ids.hasNext()) {
                    PlannedPush push = ids.next();
                    batch.add(push.id());
                    push.email().ifPresent(email -> owner.put(push.id(), email));
                }
                progress.update("Setting opt-outs in Salesforce", done, total);
                List<WriteOutcome> outcomes = writer.write(salesforce, object.getKey(), apiNames.get(object.getKey()),
                        batch);
                List<SalesforceId> written = new ArrayList<>();
                for (WriteOutcome outcome : outcomes) {
                    if (outcome.result() == WriteOutcome.Result.WRITTEN) {
                        written.add(outcome.id());
                    } else if (outcome.result() == WriteOutcome.Result.PERMANENT && conflicts.record(new NewConflict(
                            ConflictKind.WRITE_REJECTED, Optional.ofNullable(owner.get(outcome.id())),
                            Optional.of(outcome.id()), Optional.of(outcome.id().objectType()), outcome.statusCode(),
                            "Salesforce refused to set the opt-out on " + outcome.id().objectType().apiName() + " "
                                    + outcome.id() + ": " + outcome.statusCode().orElse("UNKNOWN") + ": "
                                    + outcome.message().orElse("no message")), clock.instant())) {
                        counter.conflicts++;
                    }
                }
                mirror.markOptedOut(written);
                conflicts.resolveRejectedWrites(written, "nightly sync", clock.instant());
                for (SalesforceId id : written) {
                    conflicts.resolveMatching(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, Optional.ofNullable(owner.get(id)),
                            Optional.of(id), Optional.of(id.objectType()), "re-applied", "nightly sync", clock.instant());
                }
                counter.pushed += written.size();
                done += batch.size();
                stillRunning.run();
            }
        }
        return Optional.empty();
    }

    /**
     * Under the re-apply policy a record unchecked in Salesforce is simply pushed again; it is shown as a conflict
     * until that push has landed, so the admin can see that it happened.
     */
    private void noteReapplied(RunPlan plan, Set<SObjectType> objects) {
        for (SObjectType type : objects) {
            for (Iterator<PlannedPush> pushes = plan.pushes(type); pushes.hasNext(); ) {
                PlannedPush push = pushes.next();
                if (push.unchecked()) {
                    conflicts.record(new NewConflict(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, push.email(),
                            Optional.of(push.id()), Optional.of(type), Optional.empty(),
                            "The opt-out of " + type.apiName() + " " + push.id() + " was unchecked in "
                                    + "Salesforce while the address is unsubscribed here; it is being set again "
                                    + "(resubscribe policy: re-apply)."), clock.instant());
                }
            }
        }
    }

    /** The start of each list of the plan, enough to show; the counts are in the report. */
    private static SyncPlan sample(RunPlan plan, Map<SObjectType, Long> pushes) {
        List<SalesforceId> ids = new ArrayList<>();
        for (SObjectType type : pushes.keySet()) {
            first(plan.pushes(type), SAMPLE - ids.size()).forEach(push -> ids.add(push.id()));
        }
        return new SyncPlan(ids, first(plan.imports(), SAMPLE), first(plan.conflicts(), SAMPLE));
    }

    private static <T> List<T> first(Iterator<T> rows, int limit) {
        List<T> taken = new ArrayList<>();
        while (taken.size() < limit && rows.hasNext()) {
            taken.add(rows.next());
        }
        return taken;
    }

    /**
     * Renews the run's plan now and then, so that a long run keeps it; a run whose lock (renewed by its own thread)
     * was taken by another process stops.
     */
    private final class Leases implements Runnable {
        private final RunPlan plan;
        private final Optional<RunLock.Held> held;
        private Instant due;

        Leases(RunPlan plan, Optional<RunLock.Held> held) {
            this.plan = plan;
            this.held = held;
            this.due = clock.instant().plus(RENEW_EVERY);
        }

        @Override
        public void run() {
            Instant now = clock.instant();
            if (now.isBefore(due)) {
                return;
            }
            due = now.plus(RENEW_EVERY);
            plan.renew(now);
            if (held.map(RunLock.Held::lost).orElse(false)) {
                throw new IllegalStateException("Another sync run took over the lock while this one was running; "
                        + "this one stopped, and the other finishes the work.");
            }
        }
    }

    /** A record as read from Salesforce, as the mirror keeps it. */
    static MirrorRepository.Pulled pulled(OrgRecord record) {
        return new MirrorRepository.Pulled(new MirrorRecord(record.id(), record.email(), record.optedOut(),
                record.optedOut(), record.converted(), record.convertedContactId(), record.deleted(),
                record.masterRecordId()), record.systemModstamp());
    }

    private static SyncRun.Counts counts(RunReport report) {
        return new SyncRun.Counts(report.pulled(), report.pushed(), report.imported(), report.conflicts(),
                (int) report.apiCalls());
    }

    private static String sentence(RuntimeException e) {
        if (e instanceof SalesforceException salesforce) {
            return salesforce.statusCode().map(code -> code + ": ").orElse("") + salesforce.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
