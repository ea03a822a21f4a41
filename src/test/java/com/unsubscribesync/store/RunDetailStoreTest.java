package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A run's detail as stored: capped per list for a million-row run, saved with the counts, origin and org. */
class RunDetailStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-02T20:00:05Z");
    private Database database;
    private SyncRunRepository runs;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        runs = new SyncRunRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void aMillionRowRunKeepsTheFirstRowsOfEachListAndCountsTheRest() {
        long id = runs.start(
                SyncRun.Trigger.SCHEDULE,
                SyncRun.Origin.SERVE,
                Optional.of("https://acme.my.salesforce.com"),
                false,
                NOW);
        for (int batch = 0; batch < 3; batch++) {
            runs.recordProgress(
                    id, new SyncRun.Counts(0, (batch + 1) * 600, 0, 0, batch + 1), 0, pushed(batch * 600, 600));
        }
        runs.finish(
                id,
                SyncRun.Outcome.SUCCEEDED,
                new SyncRun.Counts(1_000_000, 1_000_000, 0, 0, 5_100),
                0,
                pushed(1800, 200),
                Optional.empty(),
                Optional.empty(),
                NOW.plusSeconds(3600));

        RunDetail detail = runs.detail(id).orElseThrow();

        assertThat(detail.pushed()).hasSize(SyncRunRepository.DETAIL_CAP);
        assertThat(detail.pushed().get(0).email()).contains(Email.parse("p0@cap.test"));
        assertThat(detail.pushed().get(SyncRunRepository.DETAIL_CAP - 1).email())
                .contains(Email.parse("p" + (SyncRunRepository.DETAIL_CAP - 1) + "@cap.test"));
        assertThat(detail.morePushed()).isEqualTo(1_000_000 - SyncRunRepository.DETAIL_CAP);
        assertThat(detail.run().origin()).isEqualTo(SyncRun.Origin.SERVE);
        assertThat(detail.run().instanceUrl()).contains("https://acme.my.salesforce.com");
    }

    @OnEachStore
    void failuresAreCountedWithTheRunAndKeepTheirStatusCodeAndMessage() {
        long id = runs.start(SyncRun.Trigger.RUN_NOW, SyncRun.Origin.CONSOLE, Optional.empty(), false, NOW);
        SalesforceId record = TestIds.of(com.unsubscribesync.domain.SObjectType.CONTACT, 7);
        runs.finish(
                id,
                SyncRun.Outcome.SUCCEEDED,
                new SyncRun.Counts(1, 0, 0, 1, 3),
                1,
                List.of(RunRecord.failed(
                        record,
                        Optional.of(Email.parse("ann@example.com")),
                        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        "Email opt-out changes are blocked by a validation rule")),
                Optional.empty(),
                Optional.empty(),
                NOW.plusSeconds(5));

        RunDetail detail = runs.detail(id).orElseThrow();

        assertThat(detail.run().failed()).isEqualTo(1);
        assertThat(detail.moreFailed()).isZero();
        assertThat(detail.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.recordId()).contains(record);
            assertThat(failed.statusCode()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
            assertThat(failed.message()).contains("Email opt-out changes are blocked by a validation rule");
        });
        assertThat(detail.run().recordUrl(record)).as("no org address, no link").isEmpty();
    }

    @OnEachStore
    void aRunThatDoesNotExistHasNoDetail() {
        assertThat(runs.detail(42)).isEmpty();
    }

    @OnEachStore
    void runsRecordedBeforeOriginsWereKeptShowAnUnknownOrigin() {
        long id = runs.start(SyncRun.Trigger.SCHEDULE, false, NOW);
        assertThat(runs.detail(id).orElseThrow().run().origin()).isEqualTo(SyncRun.Origin.UNKNOWN);
    }

    private static List<RunRecord> pushed(int from, int count) {
        List<RunRecord> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(RunRecord.pushed(
                    TestIds.of(com.unsubscribesync.domain.SObjectType.CONTACT, i),
                    Optional.of(Email.parse("p" + i + "@cap.test"))));
        }
        return records;
    }
}
