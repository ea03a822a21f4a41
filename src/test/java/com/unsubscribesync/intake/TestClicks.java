package com.unsubscribesync.intake;

import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.usecase.PusherWake;
import com.unsubscribesync.usecase.RecordUnsubscribe;
import java.nio.file.Path;
import java.time.Clock;

/** Clicks recorded as {@code serve} records them: by the recipient, into the test's repository. */
final class TestClicks {
    private TestClicks() {}

    static LinkClicks recordedIn(UnsubscribeRepository unsubscribes, Path data, PusherWake wake) {
        return new LinkClicks(new RecordUnsubscribe(
                unsubscribes,
                new UnsubscribeImporter(unsubscribes, Clock.systemUTC(), data.resolve("scratch")),
                Clock.systemUTC(),
                "recipient",
                wake));
    }
}
