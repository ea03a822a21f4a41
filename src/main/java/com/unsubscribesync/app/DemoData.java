package com.unsubscribesync.app;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceOrg;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Local people and a few unsubscribes for a fresh data directory on the demo org, so the first look shows
 * linked people, pushes and a conflict to explain rather than empty tables. Never used with a real org.
 */
final class DemoData {
    static final int PEOPLE = 60;
    static final String UNKNOWN_ADDRESS = "former.customer@old-domain.example";

    private DemoData() {
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
            people.add(new Person(record.email().get(), Optional.empty(), Optional.empty(),
                    i % 4 == 3 ? Optional.empty() : Optional.of(record.id())));
        }
        workspace.people().saveAll(people.iterator());

        Instant now = workspace.clock().instant();
        List<Unsubscribe> unsubscribes = new ArrayList<>();
        UnsubscribeSource[] sources = {UnsubscribeSource.CLICKED_LINK, UnsubscribeSource.MANUAL, UnsubscribeSource.BOUNCE};
        for (int i = 0; i < Math.min(6, people.size()); i++) {
            unsubscribes.add(new Unsubscribe(people.get(i * 7 % people.size()).email(),
                    now.minus(Duration.ofDays(3L * i + 1)), sources[i % sources.length], "demo",
                    Optional.of(i % 2 == 0 ? "Replied: please stop emailing me" : "Unsubscribe link in a sequence email")));
        }
        unsubscribes.add(new Unsubscribe(Email.parse(UNKNOWN_ADDRESS), now.minus(Duration.ofDays(9)),
                UnsubscribeSource.MANUAL, "demo", Optional.of("Asked by phone; no longer in Salesforce")));
        workspace.unsubscribes().addAll(unsubscribes.iterator());
    }
}
