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
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ConnectorConfigs;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.RetryPolicy;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.SessionSource;
import com.unsubscribesync.salesforce.TokenEndpoint;
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
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

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
    final ForceWscOrg salesforce;
    final OptOutFields fields;
    final RealtimePusher pusher;
    final NightlySync nightly;
    final Clock clock = Clock.systemUTC();

    EngineHarness(LocalOrg org, Database database) {
        this(org, database, RealtimePusher.standardRetry(new Random(7)));
    }

    EngineHarness(LocalOrg org, Database database, RetryPolicy retry) {
        this(org, database, retry, RunPlanner.SLICE);
    }

    /** @param sliceSize addresses the nightly run plans at a time */
    EngineHarness(LocalOrg org, Database database, int sliceSize) {
        this(org, database, RealtimePusher.standardRetry(new Random(7)), sliceSize);
    }

    private EngineHarness(LocalOrg org, Database database, RetryPolicy retry, int sliceSize) {
        this.org = org;
        this.database = database;
        unsubscribes = new UnsubscribeRepository(database);
        people = new PeopleRepository(database);
        settings = new SettingsRepository(database);
        outbox = new OutboxRepository(database);
        conflicts = new ConflictRepository(database);
        mirror = new MirrorRepository(database);
        runs = new SyncRunRepository(database);
        salesforce = connect(org);
        CurrentOrg current = () -> Optional.of((SalesforceOrg) salesforce);
        fields = new OptOutFields(clock);
        pusher = new RealtimePusher(outbox, people, settings, conflicts, mirror, current, fields, retry, clock);
        nightly = new NightlySync(unsubscribes, settings, mirror, conflicts, runs, new RunPlanRepository(database),
                new RunLock(database, "nightly"), current, fields, clock, sliceSize);
    }

    static LocalOrg startOrg(Function<LocalOrgOptions, LocalOrgOptions> options) throws Exception {
        return LocalOrg.start(options.apply(LocalOrgOptions.defaults().withPeople(40)));
    }

    static ForceWscOrg connect(LocalOrg org) {
        ConnectionOptions options = ConnectionOptions.defaults("UnsubscribeSyncTest/1").withReadTimeout(Duration.ofSeconds(20));
        TokenEndpoint tokens = new TokenEndpoint(LoginUrl.parse(org.url()), org.clientId(), options,
                ProxySelector.getDefault());
        return ForceWscOrg.open(new ConnectorConfigs(options, ProxySelector.getDefault()),
                SessionSource.clientCredentials(tokens, org.clientSecret()), () -> 0, false, () -> { });
    }

    OrgAdmin admin() {
        return org.state();
    }

    /** Merges the loser into the winner, then moves the org's clock past the minute in which Salesforce reports it. */
    void merge(String winner, String loser, MutableClock orgClock) {
        admin().merge(winner, loser);
        // Salesforce reports deletions by whole minutes, so the next run comes a few minutes later.
        orgClock.advance(Duration.ofMinutes(3));
    }

    void settings(Function<SyncSettings, SyncSettings> change) {
        settings.save(change.apply(settings.load()));
    }

    void unsubscribe(String email) {
        unsubscribes.add(new Unsubscribe(Email.parse(email), Instant.now(), UnsubscribeSource.MANUAL, "tester",
                Optional.empty()));
    }

    void link(String email, String salesforceId) {
        people.save(new Person(Email.parse(email), Optional.empty(), Optional.empty(),
                Optional.of(SalesforceId.parse(salesforceId))));
    }

    RunReport run() {
        return nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
    }

    RunReport preview() {
        return nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, true, false), RunProgress.SILENT);
    }

    @Override
    public void close() {
        salesforce.close();
    }
}
