package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.store.SyncRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the engine writes through the Bulk API and what it saves, end to end through force-wsc and the local org. */
class BulkPushTest {
    private EngineHarness engine;
    private LocalOrg org;

    @BeforeEach
    void start() throws Exception {
        engine = EngineHarness.onFreshOrg();
        org = engine.org;
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aNightlyRunPushingFiveThousandOptOutsToContactsUsesOneBulkJob() {
        List<String> contacts = unsubscribedContacts(5_000);
        int used = org.apiCallsUsed();

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pushed()).isEqualTo(5_000);
        assertThat(engine.admin().read(contacts.get(4_999)).optedOut()).isTrue();
        // describe 1, server time 1, Contacts 3 pages, Leads 1 page, then the job: create, batch, close, look,
        // results = 11; the same push through SOAP takes 25 updates, 31 in all.
        assertThat(report.apiCalls()).isEqualTo(11);
        assertThat(org.apiCallsUsed() - used).isEqualTo(11);
        assertThat(org.bulkJobs().jobs()).singleElement().satisfies(job -> {
            assertThat(job.object()).isEqualTo("Contact");
            assertThat(job.batchRecords()).containsExactly(5_000);
        });
    }

    @Test
    void aRunOneOptOutBelowTheThresholdStillUsesSoapCallsOf200() {
        unsubscribedContacts(SyncSettings.DEFAULT_BULK_THRESHOLD - 1);

        RunReport report = engine.run();

        assertThat(report.pushed()).isEqualTo(1_999);
        // describe, server time, Contacts 2 pages, Leads 1 page, 10 updates
        assertThat(report.apiCalls()).isEqualTo(15);
        assertThat(org.bulkJobs().jobs()).isEmpty();
    }

    @Test
    void aPreviewAtTheThresholdCountsTheBulkJobItWouldRunAndRunsNone() {
        unsubscribedContacts(SyncSettings.DEFAULT_BULK_THRESHOLD);
        // describe, server time, Contacts 2 pages, Leads 1 page, and 5 for the job instead of 10 updates
        assertThat(engine.preview().apiCalls()).isEqualTo(10);
        assertThat(org.bulkJobs().jobs()).isEmpty();
    }

    @Test
    void theRealtimePusherWritesThroughTheBulkApiWhenOnePassReachesTheThreshold() {
        engine.settings(s -> s.withBulkThreshold(SyncSettings.MIN_BULK_THRESHOLD));
        List<String> contacts = unsubscribedContacts(RealtimePusher.ENTRIES_PER_PASS);

        PushReport report = engine.pusher.drain();

        assertThat(report.written()).isEqualTo(RealtimePusher.ENTRIES_PER_PASS);
        assertThat(engine.outbox.pendingCount()).isZero();
        assertThat(engine.admin().read(contacts.get(0)).optedOut()).isTrue();
        assertThat(org.bulkJobs().jobs())
                .singleElement()
                .satisfies(job -> assertThat(job.batchRecords()).containsExactly(RealtimePusher.ENTRIES_PER_PASS));
    }

    @Test
    void theRealtimePusherKeepsToSoapBelowTheThreshold() {
        unsubscribedContacts(300);
        assertThat(engine.pusher.drain().written()).isEqualTo(300);
        assertThat(org.bulkJobs().jobs()).isEmpty();
    }

    /** Contacts in the org, each unsubscribed here by address (in one import, as a CSV import would). */
    private List<String> unsubscribedContacts(int count) {
        List<String> ids = new ArrayList<>(count);
        List<Unsubscribe> unsubscribes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String email = "person" + i + "@bulk.test";
            ids.add(engine.admin().addContact("Pat", "Number" + i, email));
            unsubscribes.add(new Unsubscribe(
                    Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "tester", Optional.empty()));
        }
        engine.unsubscribes.addAll(unsubscribes.iterator());
        return ids;
    }
}
