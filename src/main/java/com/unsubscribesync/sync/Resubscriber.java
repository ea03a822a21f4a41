package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's resubscribe. Locally it removes the unsubscribe (history keeps it). Unchecking Salesforce is a
 * separate, explicit step — the only place in the product that ever writes false.
 */
public final class Resubscriber {
    private final UnsubscribeRepository unsubscribes;
    private final PeopleRepository people;
    private final SettingsRepository settings;
    private final MirrorRepository mirror;
    private final CurrentOrg org;
    private final OptOutFields fields;
    private final Clock clock;

    public Resubscriber(
            UnsubscribeRepository unsubscribes,
            PeopleRepository people,
            SettingsRepository settings,
            MirrorRepository mirror,
            CurrentOrg org,
            OptOutFields fields,
            Clock clock) {
        this.unsubscribes = unsubscribes;
        this.people = people;
        this.settings = settings;
        this.mirror = mirror;
        this.org = org;
        this.fields = fields;
        this.clock = clock;
    }

    /** What a resubscribe did. */
    public record Result(boolean wasUnsubscribed, List<RecordChange> uncheckedInSalesforce) {}

    /** One Lead or Contact the admin asked to uncheck, and whether Salesforce accepted it. */
    public record RecordChange(SalesforceId id, boolean changed, String detail) {
        static RecordChange of(WriteOutcome outcome) {
            boolean done = outcome.result() == WriteOutcome.Result.WRITTEN;
            String refusal = WriteRejections.answer(outcome);
            if (outcome.statusCode()
                    .filter("CANNOT_UPDATE_CONVERTED_LEAD"::equals)
                    .isPresent()) {
                refusal += "; the next run unsubscribes the address again from this converted lead unless a user "
                        + "with 'View and Edit Converted Leads' unchecks it";
            }
            return new RecordChange(outcome.id(), done, done ? "unchecked" : refusal);
        }
    }

    /** A Lead or Contact whose opt-out field is checked in Salesforce, as the uncheck step names it to the admin. */
    public record OptedOutRecord(SalesforceId id, String fieldApiName) {}

    /**
     * The local resubscribe and, when {@code alsoSalesforce}, the uncheck of every opted-out record at once: for the
     * command line, where the flag itself is the admin's explicit confirmation. The console asks for the uncheck as
     * its own step ({@link #optedOutInSalesforce}, then {@link #uncheckInSalesforce}).
     *
     * @param alsoSalesforce uncheck the opt-out on the person's Leads and Contacts too (the admin confirmed it)
     */
    public Result resubscribe(Email email, String reason, String actor, boolean alsoSalesforce) {
        String why = FreeText.reason("the reason", reason)
                .orElseThrow(() -> new InvalidInputException(
                        "a resubscribe needs a reason: say why the person may be emailed again"));
        Optional<SalesforceOrg> salesforce = alsoSalesforce ? org.current() : Optional.empty();
        if (alsoSalesforce && salesforce.isEmpty()) {
            throw notConnected();
        }
        boolean removed = unsubscribes.resubscribe(email, actor, why, clock.instant());
        List<RecordChange> changes =
                salesforce.map(s -> uncheck(s, email, checked(s, email), actor)).orElse(List.of());
        return new Result(removed, changes);
    }

    /** The person's Leads and Contacts whose opt-out is checked now: what the uncheck step would change. */
    public List<OptedOutRecord> optedOutInSalesforce(Email email) {
        SalesforceOrg salesforce = org.current().orElseThrow(Resubscriber::notConnected);
        return checked(salesforce, email);
    }

    /**
     * The only write of "not opted out": unchecks exactly the records the admin confirmed, and writes the history line
     * naming those Salesforce accepted.
     */
    public List<RecordChange> uncheckInSalesforce(Email email, List<OptedOutRecord> confirmed, String actor) {
        SalesforceOrg salesforce = org.current().orElseThrow(Resubscriber::notConnected);
        return uncheck(salesforce, email, confirmed, actor);
    }

    private static IllegalStateException notConnected() {
        return new IllegalStateException("No Salesforce org is connected, so the opt-out cannot be unchecked there");
    }

    private List<RecordChange> uncheck(
            SalesforceOrg salesforce, Email email, List<OptedOutRecord> records, String actor) {
        Map<SObjectType, Map<String, List<SalesforceId>>> grouped = new EnumMap<>(SObjectType.class);
        for (OptedOutRecord record : records) {
            grouped.computeIfAbsent(record.id().objectType(), t -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(record.fieldApiName(), f -> new ArrayList<>())
                    .add(record.id());
        }
        List<WriteOutcome> outcomes = new ArrayList<>();
        grouped.forEach((type, byField) -> byField.forEach((apiName, ids) -> {
            List<WriteOutcome> written = salesforce.setOptOut(type, apiName, ids, false);
            outcomes.addAll(written);
            mirror.markOptedIn(written.stream()
                    .filter(o -> o.result() == WriteOutcome.Result.WRITTEN)
                    .map(WriteOutcome::id)
                    .toList());
        }));
        List<String> unchecked = outcomes.stream()
                .filter(o -> o.result() == WriteOutcome.Result.WRITTEN)
                .map(o -> o.id().objectType().apiName() + " " + o.id())
                .toList();
        if (!unchecked.isEmpty()) {
            unsubscribes.recordUncheckedInSalesforce(
                    email, actor, "Opt-out unchecked on " + String.join(", ", unchecked), clock.instant());
        }
        return outcomes.stream().map(RecordChange::of).toList();
    }

    private List<OptedOutRecord> checked(SalesforceOrg salesforce, Email email) {
        SyncSettings current = settings.load();
        List<OptedOutRecord> checked = new ArrayList<>();
        Set<SalesforceId> linked = people.salesforceIds(List.of(email)).getOrDefault(email, Set.of());
        // Both fields may carry the opt-out: real-time pushes go to Email Opt Out while the sync is off.
        for (var field : java.util.EnumSet.of(
                current.field(), current.realtimePushField(), com.unsubscribesync.domain.OptOutField.EMAIL_OPT_OUT)) {
            FieldCheck check = fields.check(salesforce, field, current);
            for (SObjectType type : SObjectType.values()) {
                Optional<String> apiName = OptOutFields.usableApiName(check, type);
                if (apiName.isEmpty()) {
                    continue;
                }
                List<OrgRecord> records = new ArrayList<>(salesforce.findByEmails(type, apiName.get(), List.of(email)));
                List<SalesforceId> ids =
                        linked.stream().filter(id -> id.objectType() == type).toList();
                if (!ids.isEmpty()) {
                    records.addAll(salesforce.findByIds(type, apiName.get(), ids));
                }
                // Converted leads too: Salesforce keeps them read-only unless the user may edit converted leads, and
                // one left checked makes the next run unsubscribe the address again, so the admin must hear of it.
                records.stream()
                        .filter(OrgRecord::optedOut)
                        .map(OrgRecord::id)
                        .distinct()
                        .forEach(id -> checked.add(new OptedOutRecord(id, apiName.get())));
            }
        }
        return checked.stream().distinct().toList();
    }
}
