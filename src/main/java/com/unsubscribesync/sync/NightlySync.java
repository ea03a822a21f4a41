package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Settlement;
import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.salesforce.ApiUsage;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.salesforce.SalesforceBulk;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.Fence;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.PlannedPush;
import com.unsubscribesync.store.RunLock;
import com.unsubscribesync.store.RunPlan;
import com.unsubscribesync.store.RunPlanRepository;
import com.unsubscribesync.store.RunRecord;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
    /** Addresses planned, and plan rows read back, at a time. */
    public static final int SLICE = RunPlanner.SLICE;

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
    private final SalesforceBulk bulk;
    private final OptOutFields fields;
    private final RetryPolicy refusals;
    private final Clock clock;
    private final StaleConflicts staleConflicts;
    private final String holder = "run-" + UUID.randomUUID();
    /** Sends an object's batches beside the next object's; its threads end after a minute unused. */
    private final ExecutorService alongside = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "nightly-push-alongside");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param refusals  back-off for records Salesforce refuses for now: the real-time push's
     *                  ({@link RealtimePusher#standardRetry}), waited out within the run
     * @param sliceSize addresses planned at a time, and rows read back from the plan at a time (tests make it tiny,
     *                  to cross many slice boundaries): {@link #SLICE} outside tests
     */
    public NightlySync(
            UnsubscribeRepository unsubscribes,
            SettingsRepository settings,
            MirrorRepository mirror,
            ConflictRepository conflicts,
            SyncRunRepository runs,
            RunPlanRepository plans,
            RunLock lock,
            CurrentOrg org,
            SalesforceBulk bulk,
            OptOutFields fields,
            RetryPolicy refusals,
            Clock clock,
            int sliceSize) {
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
        this.bulk = bulk;
        this.fields = fields;
        this.refusals = refusals;
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
        SalesforceOrg salesforce = org.current()
                .orElseThrow(() -> new IllegalStateException(
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
        long runId = request.dryRun()
                ? -1
                : runs.start(request.trigger(), request.origin(), instanceUrl(salesforce), false, started);
        Counter counter = new Counter();
        if (!request.dryRun()) {
            // Saved as batches are written, so that a run whose process dies shows what it really did.
            counter.save = () -> runs.recordProgress(
                    runId, counter.counts(salesforce.callsMade() - callsBefore), counter.failed, counter.takeRecords());
        }
        try {
            RunReport report = execute(salesforce, request, progress, counter, callsBefore, started, held);
            if (held.isPresent()) {
                // Refused when a pause outlasted the lease and another run took over: that run's result stands.
                runs.finishHolding(
                        held.get().fence(),
                        runId,
                        report.outcome(),
                        counts(report),
                        counter.failed,
                        counter.takeRecords(),
                        report.message(),
                        counter.watermark,
                        clock.instant());
            }
            return report;
        } catch (RuntimeException e) {
            LOG.error("Sync run failed", e);
            if (!request.dryRun()) {
                runs.finish(
                        runId,
                        SyncRun.Outcome.FAILED,
                        counter.counts(salesforce.callsMade() - callsBefore),
                        counter.failed,
                        counter.takeRecords(),
                        Optional.of(sentence(e)),
                        Optional.empty(),
                        clock.instant());
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
        /** Records Salesforce still refused after the retries, by status code. */
        Map<String, Integer> stillRefused = Map.of();
        /** Records left unwritten because their object's field turned unusable during the run. */
        final Map<SObjectType, Long> waitingForField = new EnumMap<>(SObjectType.class);
        /** Records refused for good or still refused after the retries. */
        int failed;

        Runnable save = () -> {};
        /** Records done since the last save, at most the detail cap of each kind over the whole run. */
        private List<RunRecord> records = new ArrayList<>();

        private final Map<RunRecord.Kind, Integer> noted = new EnumMap<>(RunRecord.Kind.class);

        boolean keepsMore(RunRecord.Kind kind) {
            return noted.getOrDefault(kind, 0) < SyncRunRepository.DETAIL_CAP;
        }

        void note(RunRecord record) {
            if (keepsMore(record.kind())) {
                noted.merge(record.kind(), 1, Integer::sum);
                records.add(record);
            }
        }

        List<RunRecord> takeRecords() {
            List<RunRecord> taken = records;
            records = new ArrayList<>();
            return taken;
        }

        SyncRun.Counts counts(long apiCalls) {
            return new SyncRun.Counts(pulled, pushed, imported, conflicts, (int) apiCalls);
        }
    }

    private RunReport execute(
            SalesforceOrg salesforce,
            RunRequest request,
            RunProgress progress,
            Counter counter,
            long callsBefore,
            Instant started,
            Optional<RunLock.Held> held) {
        SyncSettings current = settings.load();
        UsableFields usable = UsableFields.of(fields.check(salesforce, current.field(), current));
        FieldCheck check = usable.check();
        Map<SObjectType, String> apiNames = usable.apiNames();
        Set<SObjectType> blocked = usable.blocked();

        Instant serverStart = salesforce.serverTime();
        Optional<Instant> since =
                request.full() ? Optional.empty() : runs.lastWatermark().map(w -> w.minus(OVERLAP));
        try (RunPlan plan = plans.open(request.dryRun(), sliceSize, clock.instant())) {
            Runnable stillRunning = new Leases(plan, held);
            String reading = "Reading "
                    + String.join(
                            " and ",
                            apiNames.keySet().stream()
                                    .map(type -> type.apiName() + "s")
                                    .toList())
                    + " changed in Salesforce";
            progress.update(reading, counter.pulled, -1);
            SideBySidePulls.pull(salesforce, apiNames, since, current.bulkQueryFrom(), (type, chunk) -> {
                List<MirrorRepository.Pulled> rows = new ArrayList<>(chunk.size());
                chunk.forEach(record -> rows.add(pulled(record)));
                counter.pulled += rows.size();
                if (request.dryRun()) {
                    plan.savePulled(rows);
                } else {
                    mirror.save(rows, held.orElseThrow().fence());
                }
                stillRunning.run();
                counter.save.run();
                progress.update(reading, counter.pulled, -1);
            });

            progress.update("Planning", 0, -1);
            planner.plan(plan, current, blocked, progress, stillRunning);
            Map<SObjectType, Long> pushes = plan.pushCounts();
            if (request.dryRun()) {
                long writes = pushes.values().stream()
                        .mapToLong(n ->
                                OptOutWriter.forRecords(n.intValue(), current).plannedCalls(n.intValue()))
                        .sum();
                // Only what the run would raise counts: conflicts already pending, or dismissed with nothing new
                // since, are not ones "that would arise" (the run's own count says the same).
                List<PlannedConflict> arising = new ArrayList<>();
                int arisingCount = 0;
                for (Iterator<PlannedConflict> planned = plan.conflicts(); planned.hasNext(); ) {
                    PlannedConflict conflict = planned.next();
                    if (conflicts.wouldBeNew(stored(conflict))) {
                        arisingCount++;
                        if (arising.size() < SAMPLE) {
                            arising.add(conflict);
                        }
                    }
                }
                SyncPlan sample = sample(plan, pushes);
                return new RunReport(
                        true,
                        SyncRun.Outcome.SUCCEEDED,
                        counter.pulled,
                        (int) pushes.values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                        (int) plan.importCount(),
                        arisingCount,
                        salesforce.callsMade() - callsBefore + writes,
                        Duration.between(started, clock.instant()).toMillis(),
                        new SyncPlan(sample.pushes(), sample.imports(), arising),
                        Optional.empty(),
                        Map.of());
            }

            Fence fence = held.orElseThrow().fence();
            noteReapplied(plan, pushes.keySet(), fence);
            counter.conflicts += conflicts.recordAll(
                    inOrder(plan.conflicts()).map(NightlySync::stored).iterator(), clock.instant(), fence);
            progress.update("Importing opt-outs from Salesforce", 0, plan.importCount());
            Instant now = clock.instant();
            Map<Email, SalesforceId> importedFrom =
                    optedOutRecords(first(plan.imports(), SyncRunRepository.DETAIL_CAP));
            counter.imported = (int) unsubscribes.addAll(
                    inOrder(plan.imports())
                            .map(email -> {
                                if (counter.keepsMore(RunRecord.Kind.IMPORTED)) {
                                    counter.note(
                                            RunRecord.imported(email, Optional.ofNullable(importedFrom.get(email))));
                                }
                                return new Unsubscribe(
                                        email,
                                        now,
                                        UnsubscribeSource.SALESFORCE_SYNC,
                                        "nightly sync",
                                        Optional.empty());
                            })
                            .iterator(),
                    fence);
            counter.save.run();

            Optional<String> stoppedBecause =
                    push(salesforce, plan, pushes, apiNames, check, current, progress, counter, stillRunning);
            staleConflicts.closeWhereFollowed(
                    new RecordsToOptOut(current, blocked, mirror::find), "nightly sync", clock.instant());
            counter.watermark = stoppedBecause.isPresent() ? Optional.empty() : Optional.of(serverStart);
            SyncRun.Outcome outcome = stoppedBecause.isPresent() ? SyncRun.Outcome.STOPPED : SyncRun.Outcome.SUCCEEDED;
            return new RunReport(
                    false,
                    outcome,
                    counter.pulled,
                    counter.pushed,
                    counter.imported,
                    counter.conflicts,
                    salesforce.callsMade() - callsBefore,
                    Duration.between(started, clock.instant()).toMillis(),
                    sample(plan, pushes),
                    message(stoppedBecause, counter),
                    counter.stillRefused);
        }
    }

    /**
     * Pushes in SOAP calls of 200, or in Bulk API jobs when one object has enough to push; stops before the API
     * reserve or on request, leaving the rest for the next run. Records refused for now are tried again at the end
     * with the push's back-off; an object whose field turns unusable is one conflict, and the rest of it waits.
     *
     * <p>SOAP batches go in waves of as many calls as may be in flight: when an object's last batches leave room in
     * a wave, the next object's first batches fill it, so Leads and Contacts are written side by side.
     */
    private Optional<String> push(
            SalesforceOrg salesforce,
            RunPlan plan,
            Map<SObjectType, Long> pushes,
            Map<SObjectType, String> apiNames,
            FieldCheck check,
            SyncSettings current,
            RunProgress progress,
            Counter counter,
            Runnable stillRunning) {
        long total = pushes.values().stream().mapToLong(Long::longValue).sum();
        long done = 0;
        RefusedRecords refused = new RefusedRecords();
        Writes writes = new Writes(salesforce, apiNames, check, counter, refused);
        List<ObjectPushes> objects = new ArrayList<>();
        pushes.forEach((type, count) -> objects.add(
                new ObjectPushes(type, plan.pushes(type), OptOutWriter.forRecords(count.intValue(), current), count)));
        objects.removeIf(object -> !object.ids.hasNext());
        while (!objects.isEmpty()) {
            Optional<String> stop = stopBefore(salesforce, current, progress, counter);
            if (stop.isPresent()) {
                return stop;
            }
            List<Writes.Part> wave = wave(objects, current, callsLeft(salesforce, current));
            progress.update("Setting opt-outs in Salesforce", done, total);
            Optional<SalesforceException> allowanceUsedUp = writes.write(wave);
            for (Writes.Part part : wave) {
                ObjectPushes object = objects.stream()
                        .filter(o -> o.type == part.type())
                        .findFirst()
                        .orElseThrow();
                done += part.batch().size();
                object.left -= part.batch().size();
                if (counter.waitingForField.containsKey(part.type())) {
                    counter.waitingForField.merge(part.type(), object.left, Long::sum);
                    done += object.left;
                    objects.remove(object);
                }
            }
            objects.removeIf(object -> !object.ids.hasNext());
            stillRunning.run();
            counter.save.run();
            if (allowanceUsedUp.isPresent()) {
                String why = allowanceUsedUp.get().getMessage();
                return Optional.of(
                        stopBefore(salesforce, current, progress, counter).orElse(why));
            }
        }
        return retryRefused(writes, refused, current, progress, counter, stillRunning);
    }

    /** The records of one object still to push, read from the plan a page at a time. */
    private static final class ObjectPushes {
        final SObjectType type;
        final Iterator<PlannedPush> ids;
        final OptOutWriter writer;
        long left;

        ObjectPushes(SObjectType type, Iterator<PlannedPush> ids, OptOutWriter writer, long left) {
            this.type = type;
            this.ids = ids;
            this.writer = writer;
            this.left = left;
        }

        Writes.Part take(int most) {
            Map<SalesforceId, Optional<Email>> batch = new LinkedHashMap<>();
            while (batch.size() < most && ids.hasNext()) {
                PlannedPush push = ids.next();
                batch.put(push.id(), push.email());
            }
            return new Writes.Part(writer, type, batch);
        }
    }

    /**
     * The next writes to send at once: the first object's next step, then, while that leaves SOAP calls unused, the
     * next objects' first batches. A Bulk API job goes alone.
     */
    private static List<Writes.Part> wave(List<ObjectPushes> objects, SyncSettings current, long callsLeft) {
        ObjectPushes first = objects.get(0);
        List<Writes.Part> wave = new ArrayList<>();
        wave.add(first.take(first.writer.step(current, callsLeft)));
        if (first.writer != OptOutWriter.SOAP) {
            return wave;
        }
        int batch = OptOutWriter.SOAP.batch();
        long room = OptOutWriter.SOAP.step(current, callsLeft) / batch
                - OptOutWriter.SOAP.plannedCalls(wave.get(0).batch().size());
        for (int next = 1; next < objects.size() && room > 0 && !first.ids.hasNext(); next++) {
            ObjectPushes object = objects.get(next);
            if (object.writer != OptOutWriter.SOAP) {
                break;
            }
            Writes.Part part = object.take((int) room * batch);
            wave.add(part);
            room -= OptOutWriter.SOAP.plannedCalls(part.batch().size());
            if (object.ids.hasNext()) {
                break;
            }
        }
        return wave;
    }

    /** Tries the records refused for now again, after the push's back-off, until written or out of attempts. */
    private Optional<String> retryRefused(
            Writes writes,
            RefusedRecords refused,
            SyncSettings current,
            RunProgress progress,
            Counter counter,
            Runnable stillRunning) {
        for (int failures = 1; failures < refusals.attempts() && !refused.isEmpty(); failures++) {
            Optional<String> stop = stopBefore(writes.salesforce, current, progress, counter);
            if (stop.isPresent()) {
                return stop;
            }
            progress.update("Waiting to retry opt-outs Salesforce refused", 0, refused.size());
            if (!waitOut(refusals.delayAfter(failures), stillRunning)) {
                return Optional.of("Stopped while waiting to retry " + optOuts(refused.size(), "refused opt-out")
                        + "; the next " + "run tries them again.");
            }
            progress.update("Retrying opt-outs Salesforce refused", 0, refused.size());
            for (Map.Entry<SObjectType, Map<SalesforceId, Optional<Email>>> object :
                    refused.takeAll().entrySet()) {
                List<Map.Entry<SalesforceId, Optional<Email>>> again =
                        new ArrayList<>(object.getValue().entrySet());
                OptOutWriter writer = OptOutWriter.forRecords(again.size(), current);
                for (int from = 0, step; from < again.size(); from += step) {
                    step = writer.step(current, callsLeft(writes.salesforce, current));
                    Map<SalesforceId, Optional<Email>> batch = new LinkedHashMap<>();
                    again.subList(from, Math.min(again.size(), from + step))
                            .forEach(e -> batch.put(e.getKey(), e.getValue()));
                    Optional<SalesforceException> allowanceUsedUp = writes.write(writer, object.getKey(), batch);
                    stillRunning.run();
                    counter.save.run();
                    if (allowanceUsedUp.isPresent()) {
                        return Optional.of(allowanceUsedUp.get().getMessage());
                    }
                }
            }
        }
        counter.stillRefused = refused.byStatusCode();
        refused.forEach((id, email, code) -> {
            counter.failed++;
            counter.note(RunRecord.failed(
                    id,
                    email,
                    code,
                    "Still refused after " + refusals.attempts() + " attempts; the next run tries again."));
        });
        return Optional.empty();
    }

    /** Why the run must stop before its next write, if it must: a cancel, or the org's API reserve. */
    private static Optional<String> stopBefore(
            SalesforceOrg salesforce, SyncSettings current, RunProgress progress, Counter counter) {
        if (progress.cancelled()) {
            return Optional.of("Stopped on request after " + optOuts(counter.pushed, "opt-out")
                    + "; the rest is pushed " + "by the next run.");
        }
        Optional<ApiUsage> usage = salesforce.apiUsage();
        if (usage.isPresent() && usage.get().wouldCutIntoReserve(1, current.apiReservePercent())) {
            return Optional.of("Stopped before using the last " + current.apiReservePercent() + " % of the "
                    + "org's daily API allowance (" + usage.get().used() + " of "
                    + usage.get().limit()
                    + " used); the remaining opt-outs are pushed by the next run.");
        }
        return Optional.empty();
    }

    /** The calls left above the API reserve, as the org last reported; unbounded before it reported any. */
    private static long callsLeft(SalesforceOrg salesforce, SyncSettings current) {
        return salesforce
                .apiUsage()
                .map(usage -> usage.callsAboveReserve(current.apiReservePercent()))
                .orElse(Long.MAX_VALUE);
    }

    /** Sleeps the back-off in steps, keeping the run's leases; false when interrupted. */
    private boolean waitOut(Duration delay, Runnable stillRunning) {
        Duration left = delay;
        try {
            while (left.compareTo(Duration.ZERO) > 0) {
                Duration step = left.compareTo(RENEW_EVERY) < 0 ? left : RENEW_EVERY;
                refusals.sleeper().sleep(step);
                left = left.minus(step);
                stillRunning.run();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes batches of one object and settles each record as {@link Settlement} says. */
    private final class Writes {
        private final SalesforceOrg salesforce;
        private final Map<SObjectType, String> apiNames;
        private final FieldCheck check;
        private final Counter counter;
        private final RefusedRecords refused;

        Writes(
                SalesforceOrg salesforce,
                Map<SObjectType, String> apiNames,
                FieldCheck check,
                Counter counter,
                RefusedRecords refused) {
            this.salesforce = salesforce;
            this.apiNames = apiNames;
            this.check = check;
            this.counter = counter;
            this.refused = refused;
        }

        /** Records of one object written in one go: a SOAP batch (split by the connection) or a Bulk job. */
        record Part(OptOutWriter writer, SObjectType type, Map<SalesforceId, Optional<Email>> batch) {}

        /**
         * Sends the parts at once and settles each as Salesforce answered it, in order. Salesforce saying the daily
         * allowance is used up (or the reserve being reached as a call was about to go) is returned, the parts
         * written before it settled; any other failure is thrown once the parts that went through are settled.
         */
        Optional<SalesforceException> write(List<Part> wave) {
            List<CompletableFuture<List<WriteOutcome>>> sent = SentAtOnce.send(
                    wave.stream()
                            .<Supplier<List<WriteOutcome>>>map(part -> () -> send(part))
                            .toList(),
                    alongside);
            Optional<RuntimeException> failure = Optional.empty();
            for (int i = 0; i < wave.size(); i++) {
                List<WriteOutcome> outcomes;
                try {
                    outcomes = SentAtOnce.answer(sent.get(i));
                } catch (RuntimeException e) {
                    failure = failure.or(() -> Optional.of(e));
                    continue;
                }
                settle(wave.get(i), outcomes);
            }
            if (failure.isEmpty()) {
                return Optional.empty();
            }
            if (failure.get() instanceof SalesforceException salesforceFailure
                    && salesforceFailure.kind() == SalesforceException.Kind.API_LIMIT_EXCEEDED) {
                return Optional.of(salesforceFailure);
            }
            throw failure.get();
        }

        Optional<SalesforceException> write(
                OptOutWriter writer, SObjectType type, Map<SalesforceId, Optional<Email>> batch) {
            return write(List.of(new Part(writer, type, batch)));
        }

        private List<WriteOutcome> send(Part part) {
            return part.writer()
                    .write(
                            salesforce,
                            bulk,
                            part.type(),
                            apiNames.get(part.type()),
                            new ArrayList<>(part.batch().keySet()));
        }

        private void settle(Part part, List<WriteOutcome> outcomes) {
            SObjectType type = part.type();
            Map<SalesforceId, Optional<Email>> batch = part.batch();
            Settlement settlement = new Settlement();
            List<SalesforceId> written = new ArrayList<>();
            boolean fieldTurnedUnusable = false;
            for (WriteOutcome outcome : outcomes) {
                switch (outcome.result()) {
                    case WRITTEN -> written.add(outcome.id());
                    case RETRYABLE ->
                        settlement.refused(outcome.id(), outcome.statusCode().orElse(Settlement.NO_ANSWER));
                    case PERMANENT -> {
                        if (outcome.statusCode()
                                .filter(FIELD_NOT_WRITABLE::equals)
                                .isPresent()) {
                            fieldTurnedUnusable = true;
                        } else {
                            rejected(outcome, batch.getOrDefault(outcome.id(), Optional.empty()));
                            settlement.explained(outcome.id());
                        }
                    }
                }
            }
            settlement.written(written);
            mirror.markOptedOut(written);
            written.forEach(id -> counter.note(RunRecord.pushed(id, batch.getOrDefault(id, Optional.empty()))));
            Map<SalesforceId, Optional<Email>> writtenWithAddress = new LinkedHashMap<>();
            written.forEach(id -> writtenWithAddress.put(id, batch.getOrDefault(id, Optional.empty())));
            conflicts.resolveWritten(writtenWithAddress, "nightly sync", clock.instant());
            counter.pushed += written.size();
            if (fieldTurnedUnusable) {
                // Field-level security changed since the field was checked: it concerns every record of the
                // object, so the admin gets one conflict for it, and what is left of the object waits.
                fields.refresh();
                if (conflicts.record(OptOutFields.unavailable(check, type), clock.instant())) {
                    counter.conflicts++;
                }
                long unsettled = batch.keySet().stream()
                        .filter(id -> !settlement.isSettled(id))
                        .count();
                counter.waitingForField.merge(type, unsettled + refused.forget(type), Long::sum);
                return;
            }
            batch.forEach((id, email) -> settlement.whyNot(id).ifPresent(code -> refused.add(type, id, email, code)));
        }

        private void rejected(WriteOutcome outcome, Optional<Email> email) {
            counter.failed++;
            counter.note(RunRecord.failed(
                    outcome.id(),
                    email,
                    outcome.statusCode().orElse("UNKNOWN"),
                    outcome.message().orElse("no message")));
            if (conflicts.record(WriteRejections.refused(email, outcome), clock.instant())) {
                counter.conflicts++;
            }
        }
    }

    private static Optional<String> instanceUrl(SalesforceOrg salesforce) {
        try {
            return Optional.ofNullable(salesforce.identity().instanceUrl());
        } catch (RuntimeException e) {
            LOG.debug("The org's address is unknown; the run's records are listed without links", e);
            return Optional.empty();
        }
    }

    /**
     * The record each import came from, as the mirror has it (the plan keeps only addresses): the first live record
     * with the opt-out, by id. A read a slice of addresses for the run's detail, not one per address.
     */
    private Map<Email, SalesforceId> optedOutRecords(List<Email> emails) {
        Map<Email, SalesforceId> from = new HashMap<>();
        for (int start = 0; start < emails.size(); start += sliceSize) {
            mirror.liveByEmail(emails.subList(start, Math.min(emails.size(), start + sliceSize)))
                    .forEach((email, records) -> records.stream()
                            .filter(MirrorRecord::optedOut)
                            .map(MirrorRecord::id)
                            .min(Comparator.comparing(SalesforceId::value))
                            .ifPresent(id -> from.put(email, id)));
        }
        return from;
    }

    /** What the run leaves for later, after why it stopped early if it did. */
    private Optional<String> message(Optional<String> stoppedBecause, Counter counter) {
        List<String> sentences = new ArrayList<>();
        stoppedBecause.ifPresent(sentences::add);
        counter.waitingForField.forEach((type, waiting) -> sentences.add("The opt-out field became unusable on "
                + type.apiName() + " during the run: " + optOuts(waiting, "opt-out")
                + (waiting == 1 ? " waits" : " wait")
                + " until it is fixed (see the Field "
                + "unavailable conflict)."));
        if (!counter.stillRefused.isEmpty()) {
            int all = counter.stillRefused.values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            sentences.add(all + (all == 1 ? " record was" : " records were") + " still refused after "
                    + refusals.attempts() + " attempts ("
                    + String.join(
                            ", ",
                            counter.stillRefused.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .toList())
                    + "); the next run tries again.");
        }
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
    }

    /**
     * Under the re-apply policy a record unchecked in Salesforce is simply pushed again; it is shown as a conflict
     * until that push has landed, so the admin can see that it happened.
     */
    private void noteReapplied(RunPlan plan, Set<SObjectType> objects, Fence fence) {
        for (SObjectType type : objects) {
            conflicts.recordAll(
                    inOrder(plan.pushes(type))
                            .filter(PlannedPush::unchecked)
                            .map(push -> reapplied(type, push))
                            .iterator(),
                    clock.instant(),
                    fence);
        }
    }

    private static NewConflict reapplied(SObjectType type, PlannedPush push) {
        return new NewConflict(
                ConflictKind.RESUBSCRIBED_IN_SALESFORCE,
                push.email(),
                Optional.of(push.id()),
                Optional.of(type),
                Optional.empty(),
                "The opt-out of " + type.apiName() + " " + push.id() + " was unchecked in Salesforce while the "
                        + "address is unsubscribed here; it is being set again (resubscribe policy: re-apply).");
    }

    /** The plan's rows as a stream, read a page at a time as the stream is consumed. */
    private static <T> Stream<T> inOrder(Iterator<T> rows) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }

    /** A conflict the rule found, as the store keeps it; the real-time push raises them alike. */
    static NewConflict stored(PlannedConflict conflict) {
        return new NewConflict(
                conflict.kind(),
                conflict.email(),
                conflict.recordId(),
                conflict.objectType(),
                Optional.empty(),
                conflict.explanation());
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
        return new MirrorRepository.Pulled(
                new MirrorRecord(
                        record.id(),
                        record.email(),
                        record.optedOut(),
                        record.optedOut(),
                        record.converted(),
                        record.convertedContactId(),
                        record.deleted(),
                        record.masterRecordId()),
                record.systemModstamp());
    }

    private static final String FIELD_NOT_WRITABLE = "INVALID_FIELD_FOR_INSERT_UPDATE";

    /** "1 opt-out", "2 opt-outs". */
    private static String optOuts(long count, String one) {
        return count + " " + (count == 1 ? one : one + "s");
    }

    private static SyncRun.Counts counts(RunReport report) {
        return new SyncRun.Counts(
                report.pulled(), report.pushed(), report.imported(), report.conflicts(), (int) report.apiCalls());
    }

    private static String sentence(RuntimeException e) {
        if (e instanceof SalesforceException salesforce) {
            return salesforce.statusCode().map(code -> code + ": ").orElse("") + salesforce.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
