package com.unsubscribesync.app;

import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.sync.ConflictResolver;
import com.unsubscribesync.sync.NightlyScheduler;
import com.unsubscribesync.sync.NightlySync;
import com.unsubscribesync.sync.Resubscriber;
import com.unsubscribesync.ui.ConsoleServices;
import com.unsubscribesync.ui.OrgConnections;
import java.time.Clock;
import java.time.ZoneId;

/** The console's view of the same workspace the command line uses: one wiring, two front ends. */
final class ConsoleWorkspace implements ConsoleServices {
    private final AppWorkspace workspace;
    private final OrgConnections connection;
    private final ZoneId zone;
    private final UnsubscribeImporter importer;

    ConsoleWorkspace(AppWorkspace workspace, OrgConnections connection, ZoneId zone) {
        this.workspace = workspace;
        this.connection = connection;
        this.zone = zone;
        this.importer = workspace.unsubscribeImporter();
    }

    @Override
    public Clock clock() {
        return workspace.clock();
    }

    @Override
    public com.unsubscribesync.layout.PageLayouts layouts() {
        return workspace.layouts();
    }

    @Override
    public com.unsubscribesync.ui.WelcomeMemory welcome() {
        return new com.unsubscribesync.ui.WelcomeMemory(workspace.dataDirectory());
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String actor() {
        return workspace.actor();
    }

    @Override
    public UnsubscribeRepository unsubscribes() {
        return workspace.unsubscribes();
    }

    @Override
    public PeopleRepository people() {
        return workspace.people();
    }

    @Override
    public SettingsRepository settings() {
        return workspace.settings();
    }

    @Override
    public OutboxRepository outbox() {
        return workspace.outbox();
    }

    @Override
    public ConflictRepository conflicts() {
        return workspace.conflicts();
    }

    @Override
    public SyncRunRepository syncRuns() {
        return workspace.syncRuns();
    }

    @Override
    public UnsubscribeImporter unsubscribeImporter() {
        return importer;
    }

    @Override
    public com.unsubscribesync.collect.PeopleImporter peopleImporter() {
        return workspace.peopleImporter();
    }

    @Override
    public NightlySync nightlySync() {
        return workspace.nightlySync();
    }

    @Override
    public NightlyScheduler scheduler() {
        return workspace.scheduler();
    }

    @Override
    public Resubscriber resubscriber() {
        return workspace.resubscriber();
    }

    @Override
    public ConflictResolver conflictResolver() {
        return workspace.conflictResolver();
    }

    @Override
    public void wakePusher() {
        workspace.engine().wake();
    }

    @Override
    public OrgConnections connection() {
        return connection;
    }
}
