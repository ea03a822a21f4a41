package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of PRODUCT.md end to end: the engine, force-wsc over HTTP, and the local org. */
class SyncRulesScenarioTest {
    private LocalOrg org;
    private Database database;
    private EngineHarness engine;

    @BeforeEach
    void start() throws Exception {
        org = EngineHarness.startOrg(options -> options);
        database = Database.openInMemory("scenario-" + UUID.randomUUID());
        engine = new EngineHarness(org, database);
    }

    @AfterEach
    void stop() {
        engine.close();
        database.close();
        org.close();
    }

    @Test
    void realtimePushGoesToEmailOptOutWhenTheNightlySyncIsOff() {
        engine.settings(s -> s.withField(OptOutField.MARKETO_SALES_OPT_OUT).withNightlySync(false));
        String contact = engine.admin().addContact("Ann", "Lee", "ann@acme.test");

        engine.unsubscribe("ann@acme.test");
        PushReport report = engine.pusher.drain();

        assertThat(report.written()).isEqualTo(1);
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.admin().read(contact).packageOptedOut()).isFalse();
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void realtimePushGoesToTheMarketoFieldWhenTheNightlySyncIsOnWithThatChoice() {
        engine.settings(s -> s.withField(OptOutField.MARKETO_SALES_OPT_OUT).withNightlySync(true));
        String contact = engine.admin().addContact("Ann", "Lee", "ann@acme.test");
        String lead = engine.admin().addLead("Ann", "Lee", "ANN@acme.test", "Acme");

        engine.unsubscribe("ann@acme.test");
        engine.pusher.drain();

        assertThat(engine.admin().read(contact).packageOptedOut()).isTrue();
        assertThat(engine.admin().read(lead).packageOptedOut())
                .as("match by email reaches the Lead too")
                .isTrue();
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
    }

    @Test
    void salesforceOptOutBecomesALocalUnsubscribeAtTheNightlyRun() {
        String contact = engine.admin().addContact("Bo", "Ek", "bo@acme.test");
        engine.admin().setOptedOut(contact, true);

        RunReport report = engine.run();

        assertThat(report.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(engine.unsubscribes.find(Email.parse("bo@acme.test")))
                .get()
                .extracting(u -> u.source())
                .isEqualTo(UnsubscribeSource.SALESFORCE_SYNC);
        assertThat(engine.outbox.pendingCount())
                .as("an imported opt-out is not pushed back")
                .isZero();
        assertThat(engine.runs
                        .detail(engine.runs.last().orElseThrow().id())
                        .orElseThrow()
                        .imported())
                .as("the run's detail names the record the opt-out came from")
                .filteredOn(imported -> imported.email().equals(Optional.of(Email.parse("bo@acme.test"))))
                .singleElement()
                .satisfies(imported -> assertThat(imported.recordId()).contains(SalesforceId.parse(contact)));
    }

    @Test
    void optOutUncheckedInSalesforceIsReappliedAndShownUntilItLands() {
        String contact = engine.admin().addContact("Cy", "Oh", "cy@acme.test");
        engine.unsubscribe("cy@acme.test");
        engine.pusher.drain();
        engine.run();
        engine.admin().setOptedOut(contact, false);

        RunReport report = engine.run();

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(report.pushed()).isEqualTo(1);
        List<Conflict> open = engine.conflicts.open(Optional.of(ConflictKind.RESUBSCRIBED_IN_SALESFORCE), 10);
        assertThat(open).as("closed once the push landed").isEmpty();
        assertThat(engine.conflicts.recentlyResolved(10))
                .as("the admin can still see that Salesforce had unchecked it, and that the run set it again")
                .singleElement()
                .satisfies(shown -> {
                    assertThat(shown.kind()).isEqualTo(ConflictKind.RESUBSCRIBED_IN_SALESFORCE);
                    assertThat(shown.email()).contains(Email.parse("cy@acme.test"));
                    assertThat(shown.resolution()).contains("re-applied");
                });
    }

    @Test
    void optOutUncheckedInSalesforceIsHeldForAnAdminUnderTheHoldPolicy() {
        engine.settings(s -> s.withResubscribePolicy(ResubscribePolicy.HOLD));
        String contact = engine.admin().addContact("Cy", "Oh", "cy@acme.test");
        engine.unsubscribe("cy@acme.test");
        engine.pusher.drain();
        engine.run();
        engine.admin().setOptedOut(contact, false);

        engine.run();

        assertThat(engine.admin().read(contact).optedOut()).isFalse();
        List<Conflict> open = engine.conflicts.open(Optional.of(ConflictKind.RESUBSCRIBED_IN_SALESFORCE), 10);
        assertThat(open)
                .singleElement()
                .satisfies(c -> assertThat(c.recordId())
                        .hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(contact)));
    }

    @Test
    void convertedLeadIsNotWrittenAndItsContactIsOptedOutInstead() {
        String lead = engine.admin().addLead("Di", "Mo", "di@acme.test", "Acme");
        String contact = engine.admin().convertLead(lead);
        engine.admin().setEmail(contact, "di.new@acme.test");
        engine.link("di@acme.test", lead);
        engine.settings(s -> s.withMatchByEmail(false));

        engine.unsubscribe("di@acme.test");
        engine.pusher.drain();

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void contactMergedAwayIsFollowedToItsMasterByTheNightlyRun() throws Exception {
        TestClock orgClock = orgOnTestClock();
        String loser = engine.admin().addContact("Ed", "Ny", "ed@acme.test");
        String winner = engine.admin().addContact("Ed", "Ny", "edward@acme.test");
        engine.run();
        engine.merge(winner, loser, orgClock);
        engine.link("ed@acme.test", loser);
        engine.settings(s -> s.withMatchByEmail(false));
        engine.unsubscribes.add(new com.unsubscribesync.domain.Unsubscribe(
                Email.parse("ed@acme.test"),
                java.time.Instant.now(),
                UnsubscribeSource.MANUAL,
                "tester",
                Optional.empty()));
        engine.outbox.remove(
                "a node that pushed them",
                engine
                        .outbox
                        .claim("a node that pushed them", engine.clock.instant(), RealtimePusher.CLAIM_LEASE, 10)
                        .stream()
                        .map(e -> e.id())
                        .toList());

        engine.run();

        assertThat(engine.admin().read(winner).optedOut()).isTrue();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.RECORD_DELETED), 10))
                .isEmpty();
    }

    @Test
    void deletedLinkedRecordBecomesARecordDeletedConflict() {
        String contact = engine.admin().addContact("Fa", "Um", "fa@acme.test");
        engine.run();
        engine.admin().delete(contact);
        engine.link("fa@acme.test", contact);
        engine.settings(s -> s.withMatchByEmail(false));
        engine.unsubscribe("fa@acme.test");

        engine.pusher.drain();

        assertThat(engine.conflicts.open(Optional.of(ConflictKind.RECORD_DELETED), 10))
                .hasSize(1);
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void permanentRejectionBecomesAWriteRejectedConflictWithSalesforcesCode() {
        String contact = engine.admin().addContact("Gu", "Li", "gu@acme.test");
        org.faults().failRecords("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", 1.0);

        engine.unsubscribe("gu@acme.test");
        engine.pusher.drain();

        assertThat(engine.admin().read(contact).optedOut()).isFalse();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .singleElement()
                .satisfies(c -> assertThat(c.statusCode()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
        assertThat(engine.outbox.pendingCount()).isZero();
    }

    @Test
    void aDismissedRefusalComesBackWhenItsRecordIsEditedEvenInAFieldTheAppDoesNotRead() throws Exception {
        TestClock orgClock = orgOnTestClock();
        String contact = engine.admin().addContact("Io", "Ng", "io@acme.test");
        org.faults().failRecords("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", 1.0);
        engine.unsubscribe("io@acme.test");
        engine.pusher.drain();
        engine.run();
        Conflict refused = engine.conflicts
                .open(Optional.of(ConflictKind.WRITE_REJECTED), 10)
                .get(0);
        engine.conflicts.resolve(refused.id(), ConflictRepository.DISMISS, "admin", engine.clock.instant());
        engine.run();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .as("the dismissal holds while the record is as it was")
                .isEmpty();

        // SystemModstamp keeps whole seconds: the edit comes a few seconds later, so that it moves.
        orgClock.set(orgClock.instant().plusSeconds(5));
        engine.admin().setPackageOptedOut(contact, true);
        engine.run();

        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .as("the record changed since the dismissal, though in nothing the mirror keeps")
                .hasSize(1);
    }

    @Test
    void lockedRecordIsRetriedWithCappedAttemptsThenHandedToTheAdmin() throws Exception {
        engine.close();
        com.unsubscribesync.salesforce.RetryPolicy quick = new com.unsubscribesync.salesforce.RetryPolicy(
                3, Duration.ofMillis(1), Duration.ofMillis(4), delay -> {}, new Random(1));
        engine = new EngineHarness(org, database, quick);
        engine.admin().addContact("Hu", "Bo", "hu@acme.test");
        org.faults().failRecords("update", "UNABLE_TO_LOCK_ROW", 1.0);
        engine.unsubscribe("hu@acme.test");

        long writes = 0;
        for (int pass = 0; pass < 50 && engine.outbox.pendingCount() > 0; pass++) {
            writes += engine.pusher.drainOnce().entries();
            // Lets the retry's 1-4 ms back-off pass before the next drain: passes, not a wait for a state.
            Thread.sleep(10);
        }

        assertThat(engine.outbox.pendingCount()).isZero();
        assertThat(writes).as("attempts").isEqualTo(3);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .singleElement()
                .satisfies(c -> assertThat(c.statusCode()).contains("UNABLE_TO_LOCK_ROW"));
    }

    @Test
    void orgOutageKeepsEverythingInTheOutboxWithoutRaisingConflicts() {
        String contact = engine.admin().addContact("Io", "Ra", "io@acme.test");
        engine.pusher.drain();
        org.faults().maintenancePage(1.0);
        engine.unsubscribe("io@acme.test");

        PushReport failed = engine.pusher.drainOnce();

        assertThat(failed.retrying()).isEqualTo(1);
        assertThat(engine.outbox.pendingCount()).isEqualTo(1);
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
        org.faults().clear();
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
    }

    @Test
    void secondRunRightAfterTheFirstWritesNothing() {
        engine.admin().addContact("Jo", "Su", "jo@acme.test");
        engine.unsubscribe("jo@acme.test");
        String optedOut = engine.admin().addContact("Ka", "Te", "ka@acme.test");
        engine.admin().setOptedOut(optedOut, true);
        RunReport first = engine.run();
        long unsubscribed = engine.unsubscribes.count();

        RunReport second = engine.run();

        assertThat(first.pushed()).isPositive();
        assertThat(second.pushed()).isZero();
        assertThat(second.imported()).isZero();
        assertThat(engine.unsubscribes.count()).isEqualTo(unsubscribed);
        RunReport idle = engine.run();
        assertThat(idle.apiCalls()).as("an idle run").isLessThanOrEqualTo(5);
    }

    @Test
    void aRunUsesNoMoreApiCallsThanItsBudget() {
        for (int i = 0; i < 450; i++) {
            engine.admin().addContact("P", "N" + i, "p" + i + "@bulk.test");
            engine.unsubscribe("p" + i + "@bulk.test");
        }
        RunReport report = engine.run();

        long budget = (report.pulled() + 1999) / 2000 + (report.pushed() + 199) / 200 + 5;
        assertThat(report.pushed()).isGreaterThanOrEqualTo(450);
        assertThat(report.apiCalls()).isLessThanOrEqualTo(budget);
    }

    @Test
    void previewShowsThePlanAndWritesNothing() {
        String contact = engine.admin().addContact("Lu", "Va", "lu@acme.test");
        engine.unsubscribe("lu@acme.test");
        String optedOut = engine.admin().addContact("Mi", "Wo", "mi@acme.test");
        engine.admin().setOptedOut(optedOut, true);
        long unsubscribed = engine.unsubscribes.count();

        RunReport preview = engine.preview();

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.plan().pushes()).extracting(Object::toString).contains(contact);
        assertThat(preview.plan().imports()).contains(Email.parse("mi@acme.test"));
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
        assertThat(engine.unsubscribes.count()).isEqualTo(unsubscribed);
        assertThat(engine.mirror.count()).isZero();
        assertThat(engine.runs.recent(10, true)).isEmpty();
        assertThat(engine.conflicts.open(Optional.empty(), 100)).isEmpty();
    }

    @Test
    void adminResubscribeWithAlsoSalesforceIsTheOnlyWayAnOptOutIsUnchecked() {
        String contact = engine.admin().addContact("Ny", "Xu", "ny@acme.test");
        engine.unsubscribe("ny@acme.test");
        engine.pusher.drain();
        Resubscriber resubscriber = engine.resubscriber();

        assertThatThrownBy(() -> resubscriber.resubscribe(Email.parse("ny@acme.test"), " ", "admin", true))
                .hasMessageContaining("needs a reason");
        Resubscriber.Result result =
                resubscriber.resubscribe(Email.parse("ny@acme.test"), "asked on the phone", "admin", true);

        assertThat(result.uncheckedInSalesforce())
                .singleElement()
                .satisfies(c -> assertThat(c.changed()).isTrue());
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
        assertThat(engine.unsubscribes.find(Email.parse("ny@acme.test"))).isEmpty();
        assertThat(engine.unsubscribes.history(Email.parse("ny@acme.test")))
                .extracting(e -> e.action())
                .containsExactly(
                        com.unsubscribesync.domain.HistoryEntry.Action.UNSUBSCRIBE,
                        com.unsubscribesync.domain.HistoryEntry.Action.RESUBSCRIBE,
                        com.unsubscribesync.domain.HistoryEntry.Action.UNCHECKED_IN_SALESFORCE);
        engine.run();
        assertThat(engine.admin().read(contact).optedOut())
                .as("nothing re-applies it")
                .isFalse();
        assertThat(engine.unsubscribes.find(Email.parse("ny@acme.test")))
                .as("nor re-imports it")
                .isEmpty();
    }

    @Test
    void recordedUnsubscribeSurvivesAStopBeforeItWasPushed(@TempDir Path dataDirectory) {
        String contact = engine.admin().addContact("Ol", "Yu", "ol@acme.test");
        try (Database first = Database.openFile(dataDirectory)) {
            EngineHarness before = new EngineHarness(org, first);
            before.unsubscribe("ol@acme.test");
            before.close();
        }
        try (Database second = Database.openFile(dataDirectory)) {
            EngineHarness after = new EngineHarness(org, second);
            assertThat(after.outbox.pendingCount()).isEqualTo(1);
            after.pusher.drain();
            after.close();
        }
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
    }

    @Test
    void twoEnginesOnOneDataDirectoryNeverRunAtOnce(@TempDir Path dataDirectory) throws Exception {
        try (Database one = Database.openFile(dataDirectory);
                Database two = Database.openFile(dataDirectory)) {
            EngineHarness first = new EngineHarness(org, one);
            EngineHarness second = new EngineHarness(org, two);
            org.faults().latency(Duration.ofMillis(300));
            CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(first::run);
            Eventually.within(Duration.ofSeconds(60))
                    .until(
                            "the first engine's run to start",
                            () -> !first.runs.recent(1, false).isEmpty() || running.isDone());
            assertThatThrownBy(second::run).isInstanceOf(NightlySync.AlreadyRunning.class);
            assertThat(running.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            org.faults().clear();
            assertThat(second.run().outcome()).as("free again afterwards").isEqualTo(SyncRun.Outcome.SUCCEEDED);
            first.close();
            second.close();
        }
    }

    @Test
    void unsubscribeRecordedWhileTheEngineRunsIsPushedWithoutBeingAsked() throws Exception {
        String contact = engine.admin().addContact("Pe", "Za", "pe@acme.test");
        NightlyScheduler scheduler = new NightlyScheduler(engine.settings, engine.runs, trigger -> {}, engine.clock);
        try (Engine background = new Engine(engine.pusher, scheduler, database.changes())) {
            background.start();
            new com.unsubscribesync.store.UnsubscribeRepository(database, engine.clock)
                    .add(new com.unsubscribesync.domain.Unsubscribe(
                            Email.parse("pe@acme.test"),
                            java.time.Instant.now(),
                            UnsubscribeSource.CLICKED_LINK,
                            "intake",
                            Optional.empty()));
            Eventually.within(Duration.ofSeconds(20))
                    .until(
                            "the running engine to push the new unsubscribe",
                            () -> engine.admin().read(contact).optedOut());
        }
    }

    @Test
    void aSettingsChangeHasTheScheduleCheckedAtOnceNotAtTheNextTick() {
        TestClock schedule = TestClock.at("2026-03-07T12:00:00Z");
        engine.settings.save(engine.settings.load().withNightlySync(true));
        long missed = engine.runs.start(
                SyncRun.Trigger.SCHEDULE, false, schedule.instant().minus(Duration.ofDays(1)));
        engine.runs.finish(
                missed,
                SyncRun.Outcome.SUCCEEDED,
                SyncRun.Counts.NONE,
                Optional.empty(),
                Optional.empty(),
                schedule.instant());
        List<SyncRun.Trigger> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        NightlyScheduler scheduler = new NightlyScheduler(engine.settings, engine.runs, started::add, schedule);
        try (Engine background = new Engine(engine.pusher, scheduler, database.changes())) {
            background.start();
            Eventually.within(Duration.ofSeconds(20))
                    .until("the first check, which catches up", () -> started.contains(SyncRun.Trigger.CATCH_UP));
            // The next slot has come; the scheduler's own next check is 15 s away.
            schedule.set(java.time.Instant.parse("2026-03-08T05:00:00Z"));
            engine.settings.save(engine.settings.load().withApiReservePercent(30));
            Eventually.within(Duration.ofSeconds(5))
                    .until("the slot run once the settings changed", () -> started.contains(SyncRun.Trigger.SCHEDULE));
        }
    }

    /** Starts the org again on a clock the test moves, for records whose SystemModstamp must move. */
    private TestClock orgOnTestClock() throws Exception {
        TestClock orgClock = TestClock.atNow();
        engine.close();
        org.close();
        org = EngineHarness.startOrg(options -> options.withClock(orgClock));
        engine = new EngineHarness(org, database);
        return orgClock;
    }
}
