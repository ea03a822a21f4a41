package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.OrgAdmin;
import com.unsubscribesync.salesforce.BulkPolling;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.RunLock;
import com.unsubscribesync.store.RunPlanRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.testing.LocalOrgConnections;
import com.unsubscribesync.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The engine of one data directory wired as the app wires it, against an in-process local org reached through
 * force-wsc over HTTP.
 */
final class EngineHarness implements AutoCloseable {
    final LocalOrg org;
    final Database database;
    final UnsubscribeRepository unsubscribes;
    final PeopleRepository people;
    final SettingsRepository settings;
    final OutboxRepository outbox;
    final ConflictRepository conflicts;
    final MirrorRepository mirror;
    final SyncRunRepository runs;
    /** The connection to the org; the engine is given its records and its Bulk API. */
    final ForceWscOrg connected;

    final SalesforceOrg salesforce;
    final OptOutFields fields;
    final RealtimePusher pusher;
    final NightlySync nightly;
    final Clock clock;
    private final List<AutoCloseable> owned = new ArrayList<>();

    EngineHarness(LocalOrg org, Database database) {
        this(org, database, RealtimePusher.standardRetry(new Random(7)));
    }

    EngineHarness(LocalOrg org, Database database, RetryPolicy retry) {
        this(org, database, retry, options(), Clock.systemUTC());
    }

    /** @param sliceSize addresses the nightly run plans at a time */
    EngineHarness(LocalOrg org, Database database, int sliceSize) {
        this(org, database, RealtimePusher.standardRetry(new Random(7)), options(), Clock.systemUTC(), sliceSize);
    }

    EngineHarness(LocalOrg org, Database database, RetryPolicy retry, ConnectionOptions connection, Clock clock) {
        this(org, database, retry, connection, clock, RunPlanner.SLICE);
    }

    /**
     * @param retry      the pusher's back-off for records refused for now
     * @param connection how force-wsc connects and retries whole calls
     * @param clock      the engine's clock (the org keeps its own)
     * @param sliceSize  addresses the nightly run plans at a time
     */
    EngineHarness(
            LocalOrg org,
            Database database,
            RetryPolicy retry,
            ConnectionOptions connection,
            Clock clock,
            int sliceSize) {
        this.org = org;
        this.clock = clock;
        this.database = database;
        unsubscribes = new UnsubscribeRepository(database, clock);
        people = new PeopleRepository(database, clock);
        settings = new SettingsRepository(database);
        outbox = new OutboxRepository(database);
        conflicts = new ConflictRepository(database);
        mirror = new MirrorRepository(database);
        runs = new SyncRunRepository(database);
        connected = connect(org, connection, () -> settings.load().callsInFlight());
        salesforce = connected.records();
        CurrentOrg current = () -> Optional.of(salesforce);
        fields = new OptOutFields(clock);
        pusher = new RealtimePusher(
                outbox,
                people,
                settings,
                conflicts,
                mirror,
                runs,
                current,
                connected.bulk(),
                fields,
                retry,
                clock,
                UnsubscribesOnTheWay.UNKNOWN);
        nightly = new NightlySync(
                unsubscribes,
                settings,
                mirror,
                conflicts,
                runs,
                new RunPlanRepository(database),
                new RunLock(database, "nightly"),
                current,
                connected.bulk(),
                fields,
                retry,
                clock,
                sliceSize);
    }

    /** An engine on a fresh demo org and in-memory database, both closed with it. */
    static EngineHarness onFreshOrg() throws Exception {
        return standalone(options -> options);
    }

    /** A harness on a new org and a new in-memory store, both closed with it. */
    static EngineHarness onNewOrg(Function<LocalOrgOptions, LocalOrgOptions> options) throws Exception {
        return standalone(options);
    }

    /** An engine on its own in-memory database and its own org (40 people unless told), both closed with it. */
    static EngineHarness standalone(Function<LocalOrgOptions, LocalOrgOptions> options) throws Exception {
        return standalone(options, RealtimePusher.standardRetry(new Random(7)), options(), Clock.systemUTC());
    }

    static EngineHarness standalone(
            Function<LocalOrgOptions, LocalOrgOptions> options,
            RetryPolicy retry,
            ConnectionOptions connection,
            Clock clock)
            throws Exception {
        LocalOrg org = startOrg(options);
        Database database = Database.openInMemory("engine-" + UUID.randomUUID());
        EngineHarness harness = new EngineHarness(org, database, retry, connection, clock);
        harness.owned.add(database);
        harness.owned.add(org);
        return harness;
    }

    static LocalOrg startOrg(Function<LocalOrgOptions, LocalOrgOptions> options) throws Exception {
        return LocalOrg.start(options.apply(LocalOrgOptions.defaults().withPeople(40)));
    }

    static ConnectionOptions options() {
        return LocalOrgConnections.options();
    }

    static ForceWscOrg connect(LocalOrg org) {
        return connect(org, options());
    }

    /** Bulk API polling does not sleep here: each wait lets the org finish its batches instead. */
    static ForceWscOrg connect(LocalOrg org, ConnectionOptions connection) {
        return connect(org, connection, () -> 1);
    }

    /** @param callsInFlight the most calls going at once, read as each call asks, as the app reads its setting */
    static ForceWscOrg connect(LocalOrg org, ConnectionOptions connection, IntSupplier callsInFlight) {
        return LocalOrgConnections.open(
                org,
                connection.withBulkPolling(BulkPolling.defaults()
                        .withSleeper(delay -> org.bulkJobs().awaitIdle(Duration.ofSeconds(30)))),
                callsInFlight);
    }

    /** Resubscribes as the console and command line do, on this engine's clock. */
    Resubscriber resubscriber() {
        return new Resubscriber(unsubscribes, people, settings, mirror, () -> Optional.of(salesforce), fields, clock);
    }

    /**
     * {@code count} new Contacts, person0@{@code domain} and on, all unsubscribed in one batch; their record IDs in
     * that order.
     */
    List<String> unsubscribedContacts(int count, String domain) {
        List<String> ids = new ArrayList<>();
        List<Unsubscribe> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "person" + i + "@" + domain;
            ids.add(admin().addContact("Per", "Son " + i, email));
            added.add(new Unsubscribe(
                    Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "tester", Optional.empty()));
        }
        unsubscribes.addAll(added.iterator());
        return ids;
    }

    OrgAdmin admin() {
        return org.state();
    }

    /** Merges the loser into the winner, then moves the org's clock past the minute in which Salesforce reports it. */
    void merge(String winner, String loser, TestClock orgClock) {
        admin().merge(winner, loser);
        // Salesforce reports deletions by whole minutes, so the next run comes a few minutes later.
        orgClock.advance(Duration.ofMinutes(3));
    }

    void settings(Function<SyncSettings, SyncSettings> change) {
        settings.save(change.apply(settings.load()));
    }

    void unsubscribe(String email) {
        unsubscribes.add(new Unsubscribe(
                Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "tester", Optional.empty()));
    }

    /** Recorded as the command line records it, and due at once on the engine's clock. */
    void unsubscribe(String email, TestClock engineClock) {
        unsubscribe(email);
        engineClock.set(Instant.now());
    }

    /** Unsubscribes the address, due at once, and drains the outbox. */
    PushReport push(String email, TestClock engineClock) {
        unsubscribe(email, engineClock);
        return pusher.drain();
    }

    void link(String email, String salesforceId) {
        people.save(new Person(
                Email.parse(email), Optional.empty(), Optional.empty(), Optional.of(SalesforceId.parse(salesforceId))));
    }

    RunReport run() {
        return nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
    }

    RunReport preview() {
        return nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, true, false), RunProgress.SILENT);
    }

    @Override
    public void close() {
        connected.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + resource, e);
            }
        }
    }
}
