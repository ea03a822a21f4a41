package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.store.RunDetail;
import com.unsubscribesync.store.RunRecord;
import com.unsubscribesync.store.SyncRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a run can be opened to see which records it pushed, imported and failed on, with links to them in
 * Salesforce, and where it was started from. Through force-wsc against the local org.
 */
class RunDetailTest {
    private final List<Duration> waited = new ArrayList<>();
    private EngineHarness engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aRunKeepsTheRecordsItPushedWithTheirAddressesAndLinksToThemInSalesforce() throws Exception {
        List<String> contacts = unsubscribedContacts(3);

        RunReport report = engine.nightly.run(
                new RunRequest(SyncRun.Trigger.RUN_NOW, false, false, SyncRun.Origin.COMMAND_LINE), RunProgress.SILENT);

        assertThat(report.pushed()).isEqualTo(3);
        RunDetail detail =
                engine.runs.detail(engine.runs.last().orElseThrow().id()).orElseThrow();
        assertThat(detail.run().origin()).isEqualTo(SyncRun.Origin.COMMAND_LINE);
        assertThat(detail.pushed())
                .extracting(record -> record.recordId().orElseThrow().toString())
                .containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(detail.pushed()).allSatisfy(record -> {
            assertThat(record.objectType()).contains(SObjectType.CONTACT);
            assertThat(record.email().orElseThrow().value()).endsWith("@detail.test");
        });
        String instance = engine.salesforce.identity().instanceUrl();
        SalesforceId first = detail.pushed().get(0).recordId().orElseThrow();
        assertThat(detail.run().recordUrl(first)).contains(instance.replaceAll("/$", "") + "/" + first);
        assertThat(detail.morePushed()).isZero();
        assertThat(detail.failed()).isEmpty();
    }

    @Test
    void aRunKeepsTheOptOutsItImportedWithTheRecordTheyCameFrom() throws Exception {
        engine = harness();
        String lead = engine.admin().addLead("Ima", "Ported", "imported@detail.test", "Acme");
        engine.admin().setOptedOut(lead, true);

        RunReport report = engine.run();

        assertThat(report.imported()).isEqualTo(1);
        RunDetail detail =
                engine.runs.detail(engine.runs.last().orElseThrow().id()).orElseThrow();
        assertThat(detail.imported()).singleElement().satisfies(record -> {
            assertThat(record.email()).contains(Email.parse("imported@detail.test"));
            assertThat(record.recordId().map(Object::toString)).contains(lead);
            assertThat(record.objectType()).contains(SObjectType.LEAD);
        });
    }

    @Test
    void recordsSalesforceRefusesForGoodAreListedAsFailedWithTheirStatusCodeAndMessage() throws Exception {
        List<String> contacts = unsubscribedContacts(2);
        engine.org.faults().failRecords("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", 1.0);

        engine.run();

        SyncRun run = engine.runs.last().orElseThrow();
        assertThat(run.failed()).isEqualTo(2);
        RunDetail detail = engine.runs.detail(run.id()).orElseThrow();
        assertThat(detail.failed())
                .extracting(record -> record.recordId().orElseThrow().toString())
                .containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(detail.failed()).allSatisfy(record -> {
            assertThat(record.kind()).isEqualTo(RunRecord.Kind.FAILED);
            assertThat(record.statusCode()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
            assertThat(record.message())
                    .hasValueSatisfying(message -> assertThat(message).isNotBlank());
        });
        assertThat(detail.pushed()).isEmpty();
    }

    @Test
    void recordsStillRefusedAfterTheRetriesAreListedAsFailed() throws Exception {
        unsubscribedContacts(4);
        engine.org.faults().apply("update:UNABLE_TO_LOCK_ROW");

        engine.run();

        SyncRun run = engine.runs.last().orElseThrow();
        assertThat(run.failed()).isEqualTo(4);
        assertThat(engine.runs.detail(run.id()).orElseThrow().failed())
                .hasSize(4)
                .allSatisfy(record -> {
                    assertThat(record.statusCode()).contains("UNABLE_TO_LOCK_ROW");
                    assertThat(record.message())
                            .hasValueSatisfying(m -> assertThat(m).contains("next run tries again"));
                });
    }

    private EngineHarness harness() throws Exception {
        return EngineHarness.standalone(
                options -> options.withPeople(0).withSeed(16),
                RealtimePusher.standardRetry(new Random(5)).withSleeper(waited::add),
                EngineHarness.options(),
                java.time.Clock.systemUTC());
    }

    private List<String> unsubscribedContacts(int count) throws Exception {
        engine = harness();
        return engine.unsubscribedContacts(count, "detail.test");
    }
}
