package com.unsubscribesync.app;

import com.unsubscribesync.cli.OrgConnection;
import com.unsubscribesync.cli.Workspace;
import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The services of one open data directory, wired together. */
final class AppWorkspace implements Workspace {
    private final Path dataDirectory;
    private final Clock clock;
    private final String actor;
    private final Database database;
    private final UnsubscribeRepository unsubscribes;
    private final PeopleRepository people;
    private final SettingsRepository settings;
    private final OutboxRepository outbox;
    private final ConflictRepository conflicts;
    private final AppOrgConnection salesforce;

    AppWorkspace(Path dataDirectory, Database database, Clock clock, String actor) {
        this(dataDirectory, database, clock, actor, Map.of());
    }

    AppWorkspace(Path dataDirectory, Database database, Clock clock, String actor, Map<String, String> env) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.clock = clock;
        this.actor = actor;
        this.unsubscribes = new UnsubscribeRepository(database);
        this.people = new PeopleRepository(database);
        this.settings = new SettingsRepository(database);
        this.outbox = new OutboxRepository(database);
        this.conflicts = new ConflictRepository(database);
        this.salesforce = AppOrgConnection.withSystemBrowser(dataDirectory, env, settings::load);
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String actor() {
        return actor;
    }

    @Override
    public UnsubscribeRepository unsubscribes() {
        return unsubscribes;
    }

    @Override
    public PeopleRepository people() {
        return people;
    }

    @Override
    public SettingsRepository settings() {
        return settings;
    }

    @Override
    public OutboxRepository outbox() {
        return outbox;
    }

    @Override
    public ConflictRepository conflicts() {
        return conflicts;
    }

    @Override
    public UnsubscribeImporter unsubscribeImporter() {
        return new UnsubscribeImporter(unsubscribes, clock);
    }

    @Override
    public PeopleImporter peopleImporter() {
        return new PeopleImporter(people);
    }

    @Override
    public OrgConnection salesforce() {
        return salesforce;
    }

    /** How the engine opens the connected org. */
    OrgConnector orgConnector() {
        return salesforce;
    }

    @Override
    public void close() {
        database.close();
    }
}
