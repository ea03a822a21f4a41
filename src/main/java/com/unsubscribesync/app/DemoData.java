package com.unsubscribesync.app;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunRequest;
import com.unsubscribesync.sync.WriteRejections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Local people and a few unsubscribes for a fresh data directory on the demo org, so the first look shows
 * linked people, pushes and a pending conflict of every kind to try its resolutions on, rather than empty tables.
 * Never used with a real org.
 */
final class DemoData {
    static final int PEOPLE = 60;
    static final String UNKNOWN_ADDRESS = "former.customer@old-domain.example";

    private DemoData() {}

    /** A fresh demo directory as the console opens it the first time: people, a run, and a conflict of every kind. */
    static void prepare(AppWorkspace workspace, SalesforceOrg demo) {
        seed(workspace, demo);
        workspace
                .nightlySync()
                .run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false, SyncRun.Origin.CONSOLE), RunProgress.SILENT);
        seedAfterFirstRun(workspace, demo);
    }

    private static Optional<String> namePart(String[] parts, int index) {
        if (parts.length < 2 || index >= parts.length || !parts[index].matches("[a-z]+")) {
            return Optional.empty();
        }
        return Optional.of(Character.toUpperCase(parts[index].charAt(0)) + parts[index].substring(1));
    }

    static void seed(AppWorkspace workspace, SalesforceOrg demo) {
        if (!demo.identity().demo()) {
            throw new IllegalStateException("demo data is only for the demo org");
        }
        List<OrgRecord> records = new ArrayList<>();
        demo.pullChanged(SObjectType.CONTACT, OptOutField.EMAIL_OPT_OUT_API_NAME, Optional.empty(), chunk -> {
            for (OrgRecord record : chunk) {
                if (records.size() < PEOPLE && record.email().isPresent() && !record.optedOut() && !record.deleted()) {
                    records.add(record);
                }
            }
        });
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            OrgRecord record = records.get(i);
            // Every fourth person has no Salesforce ID yet, as in a real list of contacts.
            String[] parts = record.email().get().value().split("@")[0].split("\\.");
            // The demo org's addresses are first.last.n@…; their names give the Name column something to show.
            people.add(new Person(
                    record.email().get(),
                    namePart(parts, 0),
                    namePart(parts, 1),
                    i % 4 == 3 ? Optional.empty() : Optional.of(record.id())));
        }
        workspace.people().saveAll(people.iterator());

        Instant now = workspace.clock().instant();
        List<Unsubscribe> unsubscribes = new ArrayList<>();
        UnsubscribeSource[] sources = {
            UnsubscribeSource.CLICKED_LINK, UnsubscribeSource.MANUAL, UnsubscribeSource.BOUNCE
        };
        for (int i = 0; i < Math.min(6, people.size()); i++) {
            unsubscribes.add(new Unsubscribe(
                    people.get(i * 7 % people.size()).email(),
                    now.minus(Duration.ofDays(3L * i + 1)),
                    sources[i % sources.length],
                    "demo",
                    Optional.of(
                            i % 2 == 0 ? "Replied: please stop emailing me" : "Unsubscribe link in a sequence email")));
        }
        unsubscribes.add(new Unsubscribe(
                Email.parse(UNKNOWN_ADDRESS),
                now.minus(Duration.ofDays(9)),
                UnsubscribeSource.MANUAL,
                "demo",
                Optional.of("Asked by phone; no longer in Salesforce")));
        // A person still linked to a Lead deleted in Salesforce (not merged): the run raises Record deleted.
        deletedLead(demo).ifPresent(lead -> {
            workspace
                    .people()
                    .save(new Person(
                            lead.email().get(), Optional.of("Former"), Optional.of("Lead"), Optional.of(lead.id())));
            unsubscribes.add(new Unsubscribe(
                    lead.email().get(),
                    now.minus(Duration.ofDays(12)),
                    UnsubscribeSource.CLICKED_LINK,
                    "demo",
                    Optional.of("Unsubscribe link in a sequence email")));
        });
        workspace.unsubscribes().addAll(unsubscribes.iterator());
    }

    private static Optional<OrgRecord> deletedLead(SalesforceOrg demo) {
        List<OrgRecord> found = new ArrayList<>();
        demo.pullChanged(
                SObjectType.LEAD,
                OptOutField.EMAIL_OPT_OUT_API_NAME,
                Optional.empty(),
                chunk -> chunk.stream()
                        .filter(r -> r.deleted()
                                && r.masterRecordId().isEmpty()
                                && r.email().isPresent())
                        .forEach(found::add));
        return found.stream().findFirst();
    }

    /**
     * The kinds a first run cannot raise in the demo org, set up after it on records it pushed: a Contact whose
     * opt-out is really unchecked in the demo org (Resubscribed in Salesforce, as the hold-for-review policy shows
     * it), a refusal as Salesforce words a validation rule's (Write rejected) and the Marketo Sales field missing
     * on Lead (Field unavailable). The demo org accepts every write, so the last two are examples to try the
     * actions on: <em>Retry now</em> and <em>Check the field again</em> settle them.
     */
    static void seedAfterFirstRun(AppWorkspace workspace, SalesforceOrg demo) {
        List<Person> linked = new ArrayList<>();
        for (ListedUnsubscribe listed : workspace.unsubscribes().list("", 100, 0)) {
            listed.person()
                    .filter(p -> p.salesforceId()
                            .filter(id -> id.objectType() == SObjectType.CONTACT)
                            .isPresent())
                    .ifPresent(linked::add);
        }
        List<SalesforceId> optedOut = demo
                .findByIds(
                        SObjectType.CONTACT,
                        OptOutField.EMAIL_OPT_OUT_API_NAME,
                        linked.stream().map(p -> p.salesforceId().get()).toList())
                .stream()
                .filter(OrgRecord::optedOut)
                .map(OrgRecord::id)
                .toList();
        List<Person> pushed = linked.stream()
                .filter(p -> optedOut.contains(p.salesforceId().get()))
                .toList();
        Instant now = workspace.clock().instant();
        if (!pushed.isEmpty()) {
            Person resubscribed = pushed.get(0);
            SalesforceId id = resubscribed.salesforceId().get();
            demo.setOptOut(id.objectType(), OptOutField.EMAIL_OPT_OUT_API_NAME, List.of(id), false);
            workspace
                    .conflicts()
                    .record(
                            new NewConflict(
                                    ConflictKind.RESUBSCRIBED_IN_SALESFORCE,
                                    Optional.of(resubscribed.email()),
                                    Optional.of(id),
                                    Optional.of(id.objectType()),
                                    Optional.empty(),
                                    "The opt-out of " + id.objectType().apiName() + " " + id
                                            + " was unchecked in Salesforce, but the "
                                            + "address is unsubscribed here."),
                            now);
        }
        if (pushed.size() > 1) {
            Person refused = pushed.get(1);
            SalesforceId id = refused.salesforceId().get();
            workspace
                    .conflicts()
                    .record(
                            WriteRejections.refused(
                                    Optional.of(refused.email()),
                                    id,
                                    Optional.of("FIELD_CUSTOM_VALIDATION_EXCEPTION"),
                                    "A phone number is required to edit this contact (demo example)"),
                            now);
        }
        workspace
                .conflicts()
                .record(
                        new NewConflict(
                                ConflictKind.FIELD_UNAVAILABLE,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(SObjectType.LEAD),
                                Optional.empty(),
                                "The Marketo Sales Opt Out field "
                                        + "was not found on Lead (demo example). Opt-outs for Lead wait until it is fixed."),
                        now);
    }
}
