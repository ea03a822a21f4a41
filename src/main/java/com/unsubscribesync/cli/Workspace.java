package com.unsubscribesync.cli;

import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.store.ConflictRepository;
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

    /** The Salesforce connection of this data directory. */
    default OrgConnection salesforce() {
        throw new NotConnectedException("this workspace cannot connect to Salesforce");
    }

    @Override
    void close();
}
