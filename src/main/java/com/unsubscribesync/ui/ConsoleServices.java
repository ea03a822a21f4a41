package com.unsubscribesync.ui;

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
import java.time.Clock;
import java.time.ZoneId;

/** What the console works on: the services of one open data directory, built by the composition root. */
public interface ConsoleServices {
    Clock clock();

    /** The admin's own time zone, in which times are shown. */
    ZoneId zone();

    /** Who is acting, as written into history. */
    String actor();

    UnsubscribeRepository unsubscribes();

    PeopleRepository people();

    SettingsRepository settings();

    OutboxRepository outbox();

    ConflictRepository conflicts();

    SyncRunRepository syncRuns();

    UnsubscribeImporter unsubscribeImporter();

    /** The people import, the same as the command line's {@code people import}. */
    com.unsubscribesync.collect.PeopleImporter peopleImporter();

    NightlySync nightlySync();

    NightlyScheduler scheduler();

    Resubscriber resubscriber();

    ConflictResolver conflictResolver();

    /** Tells the real-time pusher that something was just recorded. */
    void wakePusher();

    OrgConnections connection();

    /** Whether this data directory has shown the first-run welcome. */
    com.unsubscribesync.ui.WelcomeMemory welcome();

    /** The opt-out field on the Contact and Lead page layouts: inspect, install, undo. */
    com.unsubscribesync.layout.PageLayouts layouts();
}
