package com.unsubscribesync.sync;

import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Settlement;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.SalesforceBulk;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import com.unsubscribesync.store.MirrorRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One real-time pass's writes and what Salesforce answered, record by record. An address leaves the outbox only as
 * {@link Settlement} allows: every record it names written, or a conflict saying why.
 */
final class PassWrites {
    private static final String FIELD_NOT_WRITABLE = "INVALID_FIELD_FOR_INSERT_UPDATE";

    private final MirrorRepository mirror;
    private final Executor alongside;
    private final OptOutFields fields;
    private final PassConflicts conflicts;
    private final Settlement settlement = new Settlement();
    private final Map<SalesforceId, String> refusals = new HashMap<>();
    private final Set<SObjectType> fieldTurnedUnusable = EnumSet.noneOf(SObjectType.class);
    private int written;

    PassWrites(MirrorRepository mirror, OptOutFields fields, PassConflicts conflicts, Executor alongside) {
        this.mirror = mirror;
        this.alongside = alongside;
        this.fields = fields;
        this.conflicts = conflicts;
    }

    /**
     * Sends each object's opt-outs, Leads' and Contacts' at once (a Bulk job's first look waits half a second; the
     * other object's records need not wait for it), then takes in what Salesforce answered, object by object.
     */
    void write(
            SalesforceOrg salesforce, SalesforceBulk bulk, SyncSettings current, UsableFields usable, PassPlan plan) {
        List<CompletableFuture<List<WriteOutcome>>> sent = SentAtOnce.send(
                plan.toWrite().entrySet().stream()
                        .<Supplier<List<WriteOutcome>>>map(
                                batch -> () -> send(salesforce, bulk, current, usable, batch))
                        .toList(),
                alongside);
        for (CompletableFuture<List<WriteOutcome>> answered : sent) {
            take(SentAtOnce.answer(answered), plan);
        }
    }

    private static List<WriteOutcome> send(
            SalesforceOrg salesforce,
            SalesforceBulk bulk,
            SyncSettings current,
            UsableFields usable,
            Map.Entry<SObjectType, List<SalesforceId>> batch) {
        return OptOutWriter.forRecords(batch.getValue().size(), current)
                .write(salesforce, bulk, batch.getKey(), usable.apiNames().get(batch.getKey()), batch.getValue());
    }

    private void take(List<WriteOutcome> outcomes, PassPlan plan) {
        List<SalesforceId> done = new ArrayList<>();
        for (WriteOutcome outcome : outcomes) {
            switch (outcome.result()) {
                case WRITTEN -> done.add(outcome.id());
                case RETRYABLE -> {
                    settlement.refused(outcome.id(), outcome.statusCode().orElse(Settlement.NO_ANSWER));
                    refusals.put(outcome.id(), WriteRejections.answer(outcome));
                }
                case PERMANENT -> refused(outcome, plan);
            }
        }
        mirror.markOptedOut(done);
        settlement.written(done);
        written += done.size();
    }

    private void refused(WriteOutcome outcome, PassPlan plan) {
        if (outcome.statusCode().filter(FIELD_NOT_WRITABLE::equals).isPresent()) {
            // Field-level security changed since the field was checked: it concerns every record of the object,
            // so the addresses wait as for a field known to be unusable.
            fields.refresh();
            fieldTurnedUnusable.add(outcome.id().objectType());
            conflicts.fieldUnavailable(outcome.id().objectType());
        } else {
            plan.owners(outcome.id())
                    .forEach(email -> conflicts.raise(WriteRejections.refused(Optional.of(email), outcome)));
            settlement.explained(outcome.id());
        }
    }

    boolean settles(RecordsToOptOut.Decision decision) {
        return settlement.settles(decision);
    }

    boolean isWritten(SalesforceId id) {
        return settlement.isWritten(id);
    }

    /**
     * Why an address's record is neither written nor explained, when it is worth trying again; empty when the
     * address only waits for its field to become usable.
     */
    Optional<String> refusal(RecordsToOptOut.Decision decision) {
        return decision.toWrite().stream()
                .filter(id -> !settlement.isSettled(id) && !fieldTurnedUnusable.contains(id.objectType()))
                .map(id -> refusals.getOrDefault(
                        id,
                        Settlement.NO_ANSWER + ": Salesforce gave no answer for "
                                + id.objectType().apiName() + " " + id))
                .findFirst();
    }

    int written() {
        return written;
    }
}
