package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.Ratchet;
import com.unsubscribesync.domain.RatchetInput;
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
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.RunLock;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly bidirectional run: pull the Leads and Contacts changed since the last good run into the mirror,
 * plan with the ratchet, then import Salesforce opt-outs and push local unsubscribes. A dry run stops after the
 * plan and writes nothing.
 */
public final class NightlySync {
    /** Changes made while the previous run was reading are caught by starting a little before its watermark. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** Renewed while the run lasts; a run whose process was killed stops blocking others after this long. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(NightlySync.class);

    private final UnsubscribeRepository unsubscribes;
    private final PeopleRepository people;
    private final SettingsRepository settings;
    private final MirrorRepository mirror;
    private final ConflictRepository conflicts;
    private final SyncRunRepository runs;
    private final RunLock lock;
    private final CurrentOrg org;
    private final OptOutFields fields;
    private final Clock clock;
    private final String holder = "run-" + UUID.randomUUID();

    public NightlySync(UnsubscribeRepository unsubscribes, PeopleRepository people, SettingsRepository settings,
            MirrorRepository mirror, ConflictRepository conflicts, SyncRunRepository runs, RunLock lock, CurrentOrg org,
            OptOutFields fields, Clock clock) {
        this.unsubscribes = unsubscribes;
        this.people = people;
        this.settings = settings;
        this.mirror = mirror;
        this.conflicts = conflicts;
        this.runs = runs;
        this.lock = lock;
        this.org = org;
        this.fields = fields;
        this.clock = clock;
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
            RunReport report = execute(salesforce, request, progress, counter, callsBefore, started);
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
            long callsBefore, Instant started) {
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
        Map<SalesforceId, MirrorRepository.Pulled> pulled = new HashMap<>();
        for (Map.Entry<SObjectType, String> object : apiNames.entrySet()) {
            progress.update("Reading " + object.getKey().apiName() + "s changed in Salesforce", counter.pulled, -1);
            salesforce.pullChanged(object.getKey(), object.getValue(), since, chunk -> {
                List<MirrorRepository.Pulled> rows = new ArrayList<>(chunk.size());
                chunk.forEach(record -> rows.add(pulled(record)));
                counter.pulled += rows.size();
                if (request.dryRun()) {
                    rows.forEach(row -> pulled.put(row.record().id(), row));
                } else {
                    mirror.save(rows);
                }
                progress.update("Reading " + object.getKey().apiName() + "s changed in Salesforce", counter.pulled, -1);
            });
        }

        progress.update("Planning", 0, -1);
        List<MirrorRecord> seen = overlay(mirror.all(), pulled);
        SyncPlan plan = Ratchet.plan(new RatchetInput(unsubscribes.allEmails(), people.allSalesforceIds(), seen, current,
                blocked));
        if (request.dryRun()) {
            long writes = plannedWriteCalls(plan, current);
            return new RunReport(true, SyncRun.Outcome.SUCCEEDED, counter.pulled, plan.pushes().size(),
                    plan.imports().size(), plan.conflicts().size(), salesforce.callsMade() - callsBefore + writes,
                    Duration.between(started, clock.instant()).toMillis(), plan, Optional.empty());
        }

        noteReapplied(seen, plan);
        for (PlannedConflict conflict : plan.conflicts()) {
            if (conflicts.record(new NewConflict(conflict.kind(), conflict.email(), conflict.recordId(),
                    conflict.objectType(), Optional.empty(), conflict.explanation()), clock.instant())) {
                counter.conflicts++;
            }
        }
        progress.update("Importing opt-outs from Salesforce", 0, plan.imports().size());
        Instant now = clock.instant();
        counter.imported = (int) unsubscribes.addAll(plan.imports().stream().map(email -> new Unsubscribe(email, now,
                UnsubscribeSource.SALESFORCE_SYNC, "nightly sync", Optional.empty())).iterator());

        Optional<String> stoppedBecause = push(salesforce, plan, seen, apiNames, current, progress, counter);
        counter.watermark = stoppedBecause.isPresent() ? Optional.empty() : Optional.of(serverStart);
        SyncRun.Outcome outcome = stoppedBecause.isPresent() ? SyncRun.Outcome.STOPPED : SyncRun.Outcome.SUCCEEDED;
        return new RunReport(false, outcome, counter.pulled, counter.pushed, counter.imported, counter.conflicts,
                salesforce.callsMade() - callsBefore, Duration.between(started, clock.instant()).toMillis(), plan,
                stoppedBecause);
    }

    /**
     * Pushes in SOAP calls of 200, or in Bulk API jobs when one object has enough to push; stops before the API
     * reserve or on request, leaving the rest for the next run.
     */
    private Optional<String> push(SalesforceOrg salesforce, SyncPlan plan, List<MirrorRecord> seen,
            Map<SObjectType, String> apiNames,
            SyncSettings current, RunProgress progress, Counter counter) {
        Map<SObjectType, List<SalesforceId>> byObject = new EnumMap<>(SObjectType.class);
        plan.pushes().forEach(id -> byObject.computeIfAbsent(id.objectType(), t -> new ArrayList<>()).add(id));
        Map<SalesforceId, Email> owner = ownerEmails(seen, plan);
        long done = 0;
        for (Map.Entry<SObjectType, List<SalesforceId>> object : byObject.entrySet()) {
            List<SalesforceId> ids = object.getValue();
            OptOutWriter writer = OptOutWriter.forRecords(ids.size(), current);
            for (int from = 0; from < ids.size(); from += writer.step()) {
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
                List<SalesforceId> batch = ids.subList(from, Math.min(ids.size(), from + writer.step()));
                progress.update("Setting opt-outs in Salesforce", done, plan.pushes().size());
                List<WriteOutcome> outcomes = writer.write(salesforce, object.getKey(), apiNames.get(object.getKey()),
                        new ArrayList<>(batch));
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
            }
        }
        return Optional.empty();
    }

    /**
     * Under the re-apply policy a record unchecked in Salesforce is simply pushed again; it is shown as a conflict
     * until that push has landed, so the admin can see that it happened.
     */
    private void noteReapplied(List<MirrorRecord> seen, SyncPlan plan) {
        Set<SalesforceId> pushes = new java.util.HashSet<>(plan.pushes());
        for (MirrorRecord record : seen) {
            if (record.uncheckedInSalesforce() && pushes.contains(record.id())) {
                conflicts.record(new NewConflict(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, record.email(),
                        Optional.of(record.id()), Optional.of(record.objectType()), Optional.empty(),
                        "The opt-out of " + record.objectType().apiName() + " " + record.id() + " was unchecked in "
                                + "Salesforce while the address is unsubscribed here; it is being set again "
                                + "(resubscribe policy: re-apply)."), clock.instant());
            }
        }
    }

    /** The address of each record to push, from the rows the plan was made from (no second read of the mirror). */
    private static Map<SalesforceId, Email> ownerEmails(List<MirrorRecord> seen, SyncPlan plan) {
        Map<SalesforceId, Email> owners = new HashMap<>();
        for (MirrorRecord record : seen) {
            if (record.email().isPresent()) {
                owners.put(record.id(), record.email().get());
            }
        }
        owners.keySet().retainAll(plan.pushes());
        return owners;
    }

    private static long plannedWriteCalls(SyncPlan plan, SyncSettings settings) {
        Map<SObjectType, Integer> perObject = new EnumMap<>(SObjectType.class);
        plan.pushes().forEach(id -> perObject.merge(id.objectType(), 1, Integer::sum));
        return perObject.values().stream().mapToLong(n -> OptOutWriter.forRecords(n, settings).plannedCalls(n)).sum();
    }

    private static List<MirrorRecord> overlay(List<MirrorRecord> stored, Map<SalesforceId, MirrorRepository.Pulled> pulled) {
        if (pulled.isEmpty()) {
            return stored;
        }
        Map<SalesforceId, MirrorRecord> byId = new HashMap<>();
        stored.forEach(record -> byId.put(record.id(), record));
        pulled.forEach((id, row) -> {
            MirrorRecord before = byId.get(id);
            MirrorRecord now = row.record();
            boolean earlier = before != null && (before.optedOutBefore() || before.optedOut());
            byId.put(id, new MirrorRecord(id, now.email(), now.optedOut(), earlier || now.optedOut(), now.converted(),
                    now.convertedContactId(), now.deleted(), now.masterRecordId()));
        });
        return new ArrayList<>(byId.values());
    }

    private static MirrorRepository.Pulled pulled(OrgRecord record) {
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
