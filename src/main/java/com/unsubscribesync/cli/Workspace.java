package com.unsubscribesync.cli;

import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.sync.ConflictResolver;
import com.unsubscribesync.sync.Engine;
import com.unsubscribesync.sync.NightlyScheduler;
import com.unsubscribesync.sync.NightlySync;
import com.unsubscribesync.sync.RealtimePusher;
import com.unsubscribesync.sync.Resubscriber;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.nio.file.Path;
import java.time.Clock;

/** What the commands work on: one open data directory. Built by the composition root. */
public interface Workspace extends AutoCloseable {
    Path dataDirectory();

    Clock clock();

    /** Who is acting, as written into history. */
    String actor();

    UnsubscribeRepository unsubscribes();

    PeopleRepository people();

    SettingsRepository settings();

    OutboxRepository outbox();

    ConflictRepository conflicts();

    UnsubscribeImporter unsubscribeImporter();

    PeopleImporter peopleImporter();

    SyncRunRepository syncRuns();

    NightlySync nightlySync();

    RealtimePusher pusher();

    NightlyScheduler scheduler();

    /** The background pusher and scheduler, not started. */
    Engine engine();

    ConflictResolver conflictResolver();

    Resubscriber resubscriber();

    /** Whether an org (real or demo) is connected; commands that need one exit with code 3 otherwise. */
    boolean connected();

    /**
     * Whether a connection was saved here, without opening it: {@code serve} starts with one even when Salesforce
     * cannot be reached or the saved connection cannot be read, and waits.
     */
    boolean connectionSaved();

    /** Announces this process as the data directory's {@code serve} until the workspace closes (ADR 0022). */
    void announceServing();

    /** The {@code serve} processes running on this data directory. */
    java.util.List<ServeState> runningServes();

    /** Wakes the real-time pusher of every {@code serve} running here, after something was queued for it. */
    void wakeRunningServes();

    /** The Salesforce connection of this data directory. */
    OrgConnection salesforce();

    /** The opt-out field on the connected org's page layouts: check, install, undo. */
    PageLayouts layouts();

    @Override
    void close();
}
