package com.unsubscribesync.bench;

import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.sync.Engine;
import com.unsubscribesync.sync.NightlySync;
import java.net.URI;

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

    /**
     * Starts the intake of {@code serve --intake} on a free loopback port, as serve wires it, but taking every click
     * from this one address without a rate limit (a real intake hears each recipient from an address of their own).
     */
    ClickIntake openIntake();

    /** The intake under bench; closing it stops it. */
    interface ClickIntake extends AutoCloseable {
        /** The signed one-click link of this address, pointing at the intake. */
        URI linkFor(String email);

        @Override
        void close();
    }
}
