package com.unsubscribesync.app;

import com.unsubscribesync.bench.AppUnderBench;
import com.unsubscribesync.cli.IntakeOption;
import com.unsubscribesync.cli.NotConnectedException;
import com.unsubscribesync.cli.ServeCommand;
import com.unsubscribesync.cli.ServeState;
import com.unsubscribesync.collect.ImportScratch;
import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import com.unsubscribesync.intake.IntakeApi;
import com.unsubscribesync.intake.IntakeCertificate;
import com.unsubscribesync.intake.IntakeServer;
import com.unsubscribesync.intake.IntakeSettings;
import com.unsubscribesync.intake.LinkClicks;
import com.unsubscribesync.layout.LayoutBackups;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.links.BaseUrl;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.links.UnsubscribeLinks;
import com.unsubscribesync.salesforce.CredentialStore;
import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.salesforce.SavedConnections;
import com.unsubscribesync.salesforce.TeamConnection;
import com.unsubscribesync.store.ApiKeyRepository;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.IntakeCountRepository;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.RunLock;
import com.unsubscribesync.store.RunPlanRepository;
import com.unsubscribesync.store.SavedStore;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.StoreChoice;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.TeamConnectionRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.sync.ConflictResolver;
import com.unsubscribesync.sync.Engine;
import com.unsubscribesync.sync.NightlyScheduler;
import com.unsubscribesync.sync.NightlySync;
import com.unsubscribesync.sync.OptOutFields;
import com.unsubscribesync.sync.RealtimePusher;
import com.unsubscribesync.sync.Resubscriber;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunRequest;
import com.unsubscribesync.usecase.ApiKeys;
import com.unsubscribesync.usecase.ChangeSettings;
import com.unsubscribesync.usecase.ChooseStore;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ImportPeople;
import com.unsubscribesync.usecase.IntakeTally;
import com.unsubscribesync.usecase.OrgConnection;
import com.unsubscribesync.usecase.PusherWake;
import com.unsubscribesync.usecase.RecordApiUnsubscribes;
import com.unsubscribesync.usecase.RecordUnsubscribe;
import com.unsubscribesync.usecase.ResolveConflict;
import com.unsubscribesync.usecase.Resubscribe;
import com.unsubscribesync.usecase.RunSync;
import com.unsubscribesync.usecase.SyncOverview;
import com.unsubscribesync.usecase.UnsubscribeList;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The services of one open data directory, wired together. */
final class AppWorkspace implements AppUnderBench {
    private final Path dataDirectory;
    private final Clock clock;
    private final String actor;
    private final Database database;
    private final UnsubscribeRepository unsubscribes;
    private final PeopleRepository people;
    private final SettingsRepository settings;
    private final OutboxRepository outbox;
    private final ConflictRepository conflicts;
    private final MirrorRepository mirror;
    private final SyncRunRepository syncRuns;
    private final SharedOrg org;
    private final OptOutFields fields;
    private final RealtimePusher pusher;
    private final NightlySync nightlySync;
    private final NightlyScheduler scheduler;
    private final Resubscriber resubscriber;
    private final ConflictResolver conflictResolver;
    private final Engine engine;
    private final PageLayouts layouts;
    private final PusherWake wake;
    private final RecordUnsubscribe recordUnsubscribe;
    private final ConnectOrg connectOrg;
    private final UnsubscribeLinks links;
    private final ApiKeyRepository apiKeys;
    private final IntakeCountRepository intakeCounts;
    private final Optional<String> intakeTlsPassword;
    /** Read by the pusher's thread (what the intake has not yet committed). */
    private volatile Optional<IntakeServer> intake = Optional.empty();

    private static final Logger LOG = LoggerFactory.getLogger(AppWorkspace.class);

    private final AppOrgConnection salesforce;
    private final RunningServes runningServes;
    private Optional<RunningServes.Announcement> serving = Optional.empty();
    private volatile com.unsubscribesync.store.SyncRun.Origin scheduledFrom =
            com.unsubscribesync.store.SyncRun.Origin.COMMAND_LINE;

    private volatile StoreChoice storeInUse;

    /** The store itself, for {@code store copy}. */
    Database database() {
        return database;
    }

    AppWorkspace(Path dataDirectory, Database database, Clock clock, String actor, Map<String, String> env) {
        this(dataDirectory, database, clock, actor, env, Optional.empty(), Optional.empty());
    }

    /**
     * @param engineOrg  the org the engine works with instead of the saved connection (tests)
     * @param connection the connection the front ends see instead of the saved one (tests)
     */
    AppWorkspace(
            Path dataDirectory,
            Database database,
            Clock clock,
            String actor,
            Map<String, String> env,
            Optional<OrgConnector> engineOrg,
            Optional<OrgConnection> connection) {
        this(dataDirectory, database, clock, actor, env, engineOrg, connection, false);
    }

    /**
     * @param sharedStore whether the store is shared (named by a URL): then the Salesforce connection is the team's,
     *     kept in the store under the team key (ADR 0065), instead of this data directory's
     */
    AppWorkspace(
            Path dataDirectory,
            Database database,
            Clock clock,
            String actor,
            Map<String, String> env,
            Optional<OrgConnector> engineOrg,
            Optional<OrgConnection> connection,
            boolean sharedStore) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.clock = clock;
        this.actor = actor;
        this.unsubscribes = new UnsubscribeRepository(database, clock);
        this.people = new PeopleRepository(database, clock);
        this.settings = new SettingsRepository(database);
        this.outbox = new OutboxRepository(database);
        this.conflicts = new ConflictRepository(database);
        this.mirror = new MirrorRepository(database);
        this.syncRuns = new SyncRunRepository(database);
        this.salesforce = AppOrgConnection.withSystemBrowser(
                dataDirectory,
                env,
                settings::load,
                sharedStore ? teamConnection(database, clock, env) : new CredentialStore(dataDirectory));
        this.org = new SharedOrg(engineOrg.orElse(salesforce), salesforce::connectionFileSaved, clock);
        this.fields = new OptOutFields(clock);
        this.pusher = new RealtimePusher(
                outbox,
                people,
                settings,
                conflicts,
                mirror,
                syncRuns,
                org,
                org.bulk(),
                fields,
                RealtimePusher.standardRetry(new SecureRandom()),
                clock,
                () -> intake.map(on -> OptionalInt.of(on.notYetCommitted())).orElse(OptionalInt.empty()));
        this.nightlySync = new NightlySync(
                unsubscribes,
                settings,
                mirror,
                conflicts,
                syncRuns,
                new RunPlanRepository(database),
                new RunLock(database, "nightly"),
                org,
                org.bulk(),
                fields,
                RealtimePusher.standardRetry(new SecureRandom()).withSleeper(delay -> Thread.sleep(delay.toMillis())),
                clock,
                NightlySync.SLICE);
        this.scheduler = new NightlyScheduler(
                settings,
                syncRuns,
                trigger -> {
                    try {
                        nightlySync.run(new RunRequest(trigger, false, false, scheduledFrom), RunProgress.SILENT);
                    } catch (NightlySync.AlreadyRunning e) {
                        LOG.info("Scheduled run skipped: another process is running the sync");
                    }
                },
                clock);
        this.resubscriber = new Resubscriber(unsubscribes, people, settings, mirror, org, fields, clock);
        this.conflictResolver =
                new ConflictResolver(conflicts, outbox, people, mirror, resubscriber, fields, clock, currentOrg());
        this.engine = new Engine(pusher, scheduler, database.changes());
        this.runningServes = new RunningServes(dataDirectory);
        this.layouts = new PageLayouts(
                org::forLayouts,
                settings,
                new LayoutBackups(dataDirectory.resolve(LayoutBackups.DIRECTORY)),
                clock,
                salesforce.layoutReads());
        this.wake = () -> {
            engine.wake();
            runningServes.wakeAll();
        };
        this.recordUnsubscribe = new RecordUnsubscribe(unsubscribes, unsubscribeImporter(), clock, actor, wake);
        this.connectOrg = new ConnectOrg(connection.orElse(salesforce), settings::load, org::reset, this::connected);
        this.links = UnsubscribeLinks.inDataDirectory(dataDirectory, clock);
        this.apiKeys = new ApiKeyRepository(database);
        this.intakeCounts = new IntakeCountRepository(database);
        this.intakeTlsPassword = Optional.ofNullable(env.get(IntakeCertificate.PASSWORD_VARIABLE));
    }

    private static SavedConnections teamConnection(Database database, Clock clock, Map<String, String> env) {
        TeamConnectionRepository row = new TeamConnectionRepository(database, clock);
        return new TeamConnection(TeamConnection.SealedRow.of(row::sealed, row::save, row::delete), env);
    }

    /** The use cases both front ends call (ADR 0042). */
    RecordUnsubscribe recordUnsubscribe() {
        return recordUnsubscribe;
    }

    Resubscribe resubscribe() {
        return new Resubscribe(resubscriber, actor);
    }

    ResolveConflict resolveConflict() {
        return new ResolveConflict(conflicts, conflictResolver, actor, wake);
    }

    /** The signed one-click links of this data directory (ADR 0056). */
    UnsubscribeLinks links() {
        return links;
    }

    /** The keys of the intake API (ADR 0061). */
    ApiKeys apiKeys() {
        return new ApiKeys(apiKeys, new SecureRandom(), clock);
    }

    ConnectOrg connectOrg() {
        return connectOrg;
    }

    ChangeSettings changeSettings() {
        return new ChangeSettings(settings);
    }

    /** @param origin the front end the runs are shown as started from */
    RunSync runSync(com.unsubscribesync.store.SyncRun.Origin origin) {
        return new RunSync(nightlySync, pusher, outbox, origin);
    }

    SyncOverview overview() {
        return new SyncOverview(
                settings, people, unsubscribes, conflicts, outbox, syncRuns, scheduler, intakeCounts, clock);
    }

    UnsubscribeList unsubscribeList() {
        return new UnsubscribeList(unsubscribes, people);
    }

    /** @param closing closes the workspace once the engine stopped */
    ServeCommand.Serving serving(Runnable closing) {
        return new ServeCommand.Serving() {
            @Override
            public boolean connectionSaved() {
                return AppWorkspace.this.connectionSaved();
            }

            @Override
            public void start() {
                announceServing();
                engine.start();
            }

            @Override
            public void checkIntake(IntakeOption option) {
                option.tls().ifPresent(AppWorkspace.this::intakeCertificate);
            }

            @Override
            public String startIntake(IntakeOption option) {
                return AppWorkspace.this.startIntake(option);
            }

            @Override
            public void stop() {
                stopIntake();
                engine.close();
                closing.run();
            }
        };
    }

    /** Who a clicked link's unsubscribe is recorded as, in history. */
    static final String RECIPIENT = "recipient";

    private IntakeCertificate intakeCertificate(Path keystore) {
        return IntakeCertificate.read(keystore, intakeTlsPassword, clock.instant());
    }

    private synchronized String startIntake(IntakeOption option) {
        IntakeSettings plain = IntakeSettings.on(option.address())
                .withTrustedProxies(option.trustedProxies())
                .withPerMinute(option.perMinute());
        IntakeSettings settings =
                option.tls().map(this::intakeCertificate).map(plain::withTls).orElse(plain);
        IntakeTally tally = new IntakeTally(intakeCounts, clock.withZone(option.zone()));
        RecordUnsubscribe clicks = new RecordUnsubscribe(unsubscribes, unsubscribeImporter(), clock, RECIPIENT, wake);
        try {
            IntakeApi api = new IntakeApi(apiKeys(), new RecordApiUnsubscribes(unsubscribes, apiKeys, clock, wake));
            intake = Optional.of(IntakeServer.start(settings, links, new LinkClicks(clicks), Optional.of(api), tally));
        } catch (java.io.IOException e) {
            throw new InvalidInputException("--intake " + option.address()
                    + " cannot be listened on (" + e.getMessage() + "): choose a free port and an address of this "
                    + "computer");
        }
        LOG.info("Intake listening on {}", intake.get().url());
        serving.ifPresent(announcement -> announcement.intakeListening(listening(intake.get())));
        return intake.get().url();
    }

    @Override
    public ClickIntake openIntake() {
        return openIntake(ZoneOffset.UTC);
    }

    /** @param zone whose days the intake counts its refusals by, as {@code serve}'s zone does */
    public ClickIntake openIntake(ZoneId zone) {
        BaseUrl base = BaseUrl.parse(startIntake(new IntakeOption(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Set.of(),
                Integer.MAX_VALUE / 2,
                Optional.empty(),
                zone)));
        return new ClickIntake() {
            @Override
            public URI linkFor(String email) {
                return links.make(new LinkSubject(Email.parse(email), Optional.empty()), base)
                        .url();
            }

            @Override
            public void close() {
                stopIntake();
            }
        };
    }

    private static Optional<String> listening(IntakeServer running) {
        return Optional.of(running.url());
    }

    private synchronized void stopIntake() {
        intake.ifPresent(IntakeServer::close);
        intake = Optional.empty();
        serving.ifPresent(announcement -> announcement.intakeListening(Optional.empty()));
    }

    ImportPeople importPeople() {
        return new ImportPeople(peopleImporter(), people);
    }

    public SyncRunRepository syncRuns() {
        return syncRuns;
    }

    public NightlySync nightlySync() {
        return nightlySync;
    }

    public RealtimePusher pusher() {
        return pusher;
    }

    public NightlyScheduler scheduler() {
        return scheduler;
    }

    public Engine engine() {
        return engine;
    }

    public ConflictResolver conflictResolver() {
        return conflictResolver;
    }

    public Resubscriber resubscriber() {
        return resubscriber;
    }

    /** Whether the engine can open the connected org; a saved connection that cannot be read is refused. */
    public boolean connected() {
        salesforce.savedConnectionProblem().ifPresent(problem -> {
            throw new NotConnectedException(problem);
        });
        return org.current().isPresent();
    }

    /** Which store this workspace opened and why; the data directory's file unless the opener says otherwise. */
    void storeInUse(StoreChoice choice) {
        storeInUse = choice;
    }

    public ChooseStore chooseStore() {
        StoreChoice choice = storeInUse != null
                ? storeInUse
                : new StoreChoice(StoreChoice.Source.DEFAULT, Optional.empty(), Optional.empty(), dataDirectory);
        return new ChooseStore(choice, new SavedStore(dataDirectory));
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Clock clock() {
        return clock;
    }

    public String actor() {
        return actor;
    }

    public UnsubscribeRepository unsubscribes() {
        return unsubscribes;
    }

    public PeopleRepository people() {
        return people;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public ConflictRepository conflicts() {
        return conflicts;
    }

    public UnsubscribeImporter unsubscribeImporter() {
        return new UnsubscribeImporter(unsubscribes, clock, dataDirectory.resolve(ImportScratch.FOLDER));
    }

    public PeopleImporter peopleImporter() {
        return new PeopleImporter(people);
    }

    public AppOrgConnection salesforce() {
        return salesforce;
    }

    /** Whether a connection (demo or real) is saved, without calling the org. */
    boolean hasSavedConnection() {
        return salesforce.saved();
    }

    public boolean connectionSaved() {
        return salesforce.connectionFileSaved();
    }

    /** Which front end the scheduled runs of this process are shown as started from. */
    void schedulesFrom(com.unsubscribesync.store.SyncRun.Origin origin) {
        scheduledFrom = origin;
    }

    public synchronized void announceServing() {
        scheduledFrom = com.unsubscribesync.store.SyncRun.Origin.SERVE;
        if (serving.isEmpty()) {
            RunningServes.Announcement announcement = runningServes.announce(clock.instant(), engine::wake);
            org.whenWaitingChanges(announcement::write);
            announcement.write(org.waiting());
            serving = Optional.of(announcement);
            intake.ifPresent(running -> announcement.intakeListening(listening(running)));
        }
    }

    public List<ServeState> runningServes() {
        return runningServes.live();
    }

    public void wakeRunningServes() {
        runningServes.wakeAll();
    }

    /** The org the engine works with. */
    com.unsubscribesync.sync.CurrentOrg currentOrg() {
        return org;
    }

    /** After a connect or disconnect the engine opens the new connection on its next use. */
    void connectionChanged() {
        org.reset();
    }

    public PageLayouts layouts() {
        return layouts;
    }

    /** How the engine opens the connected org. */
    OrgConnector orgConnector() {
        return salesforce;
    }

    public void close() {
        stopIntake();
        synchronized (this) {
            serving.ifPresent(RunningServes.Announcement::close);
            serving = Optional.empty();
        }
        engine.close();
        org.close();
        database.close();
        try {
            // Files made since the start by libraries (an H2 trace, layout backups, the demo org's state).
            OwnerOnly.restrictTree(dataDirectory);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Some files of the data directory could not be made owner-only: {}", e.getMessage());
        }
    }
}
