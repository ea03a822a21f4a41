package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.store.SyncRun;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's {@code bulk-query-from} (ADR 0078) decides how the nightly run reads a large object in full: through
 * one Bulk query job from that many records, or always in SOAP pages of 2 000 when off. Either way the run pulls
 * the same rows.
 */
class BulkQueryFromSettingTest {
    /** People in the org: more Contacts than the setting's least value, so both ways are open. */
    private static final int PEOPLE = 30_000;

    private EngineHarness engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aFullReadFromTheSettingsNumberOfRecordsGoesThroughABulkQueryJob() throws Exception {
        engine = EngineHarness.onNewOrg(options -> options.withPeople(PEOPLE));
        engine.settings(settings -> settings.withNightlySync(true).withBulkQueryFrom(SyncSettings.MIN_BULK_QUERY_FROM));

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pulled()).isEqualTo(PEOPLE);
        assertThat(engine.org.bulkJobs().jobs())
                .as("a query job for each object with at least 10 000 records (nothing is pushed)")
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.batchStates()).contains("NotProcessed"));
        assertThat(calls(engine, "queryMore"))
                .as("fewer SOAP pages than a page per 2 000 rows")
                .isLessThan(PEOPLE / 2000 - 2);
    }

    @Test
    void withBulkQueryOffAFullReadOfAnySizeIsReadInSoapPages() throws Exception {
        engine = EngineHarness.onNewOrg(options -> options.withPeople(PEOPLE));
        engine.settings(settings -> settings.withNightlySync(true).withBulkQueryFrom(SyncSettings.BULK_QUERY_OFF));

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(report.pulled()).isEqualTo(PEOPLE);
        assertThat(engine.org.bulkJobs().jobs())
                .as("no Bulk job (nothing is pushed)")
                .isEmpty();
        assertThat(calls(engine, "queryMore"))
                .as("a page per 2 000 rows after each object's first")
                .isGreaterThanOrEqualTo(PEOPLE / 2000 - 2);
    }

    private static long calls(EngineHarness engine, String operation) {
        Map<String, Long> made = engine.org.partnerCallsByOperation();
        return made.getOrDefault(operation, 0L);
    }
}
