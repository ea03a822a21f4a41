package com.unsubscribesync.bench;

import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.sync.Engine;
import com.unsubscribesync.sync.NightlySync;

/**
 * The app on one data directory, wired by the composition root exactly as it runs for the admin: the parts a
 * benchmark drives and times. Only the benchmarks see the app this way.
 */
public interface AppUnderBench extends AutoCloseable {
    SettingsRepository settings();

    UnsubscribeRepository unsubscribes();

    UnsubscribeImporter unsubscribeImporter();

    OutboxRepository outbox();

    NightlySync nightlySync();

    Engine engine();

    /** Opens the org the engine works with, so that signing in is timed by no scenario. */
    boolean connected();

    @Override
    void close();
}
