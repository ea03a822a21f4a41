package com.unsubscribesync.bench;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ConnectorConfigs;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.OrgSignIn;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.OutboxEntry;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.sync.RunRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's engine on a data directory of its own, wired as the app wires it (store, nightly run, real-time pusher
 * and scheduler), connected to a local org through OAuth and force-wsc like any org.
 */
final class EngineUnderBench implements AutoCloseable {
    private static final String ACTOR = "bench";
    private static final Duration PATIENCE_FOR_STEADY = Duration.ofMinutes(2);

    private final LocalOrg org;
    private final AppUnderBench workspace;
    private final String store;

    /** @param callsInFlight the engine's setting for the run; empty keeps the app's default */
    EngineUnderBench(
            AppWiring app, StoreUnderBench store, LocalOrg org, Path dataDirectory, Optional<Integer> callsInFlight) {
        this.org = org;
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark's data directory could not be made", e);
        }
        ProxySelector proxies = ProxySelector.getDefault();
        // As in the app, the connection reads the setting from the store as each call asks.
        AtomicReference<AppUnderBench> opened = new AtomicReference<>();
        OrgSignIn signIn = new OrgSignIn(
                new ConnectorConfigs(ConnectionOptions.defaults("UnsubscribeSyncBench/1"), proxies),
                proxies,
                () -> 0,
                () -> opened.get() == null ? 1 : opened.get().settings().load().callsInFlight());
        Database database = store.open(dataDirectory);
        this.store = database.product();
        this.workspace = app.open(
                dataDirectory,
                database,
                Optional.of(() -> signIn.withClientSecret(LoginUrl.parse(org.url()), org.clientId(), org.clientSecret())
                        .org()));
        opened.set(workspace);
        SyncSettings settings = workspace.settings().load().withNightlySync(true);
        workspace.settings().save(callsInFlight.map(settings::withCallsInFlight).orElse(settings));
        // Signing in is not part of any scenario.
        workspace.connected();
    }

    /**
     * Unsubscribes recorded before the org was connected: their real-time pushes are dropped, so that the nightly
     * run is the one to set them in Salesforce.
     */
    void unsubscribedBeforehand(Collection<String> emails) {
        Instant now = Instant.now();
        workspace
                .unsubscribes()
                .addAll(emails.stream()
                        .map(email -> new Unsubscribe(
                                Email.parse(email), now, UnsubscribeSource.IMPORT, ACTOR, Optional.empty()))
                        .iterator());
        // Left to the nightly run as if pushed long ago: the bench claims them as a node would, and settles them.
        List<Long> queued =
                workspace
                        .outbox()
                        .claim(ACTOR, now.plus(Duration.ofDays(1)), Duration.ofMinutes(1), Integer.MAX_VALUE)
                        .stream()
                        .map(OutboxEntry::id)
                        .toList();
        workspace.outbox().remove(ACTOR, queued);
    }

    int callsInFlight() {
        return workspace.settings().load().callsInFlight();
    }

    RunReport run() {
        return workspace.nightlySync().run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
    }

    /** Records the burst while the engine runs, as clicked links arriving through the app would. */
    BurstTiming.Timing burst(BenchWorkload.Burst burst, Duration window, Duration patience) {
        workspace.engine().start();
        try {
            BurstTiming.Timing timing = BurstTiming.run(org.state(), burst, window, patience, emails -> {
                Instant now = Instant.now();
                workspace
                        .unsubscribes()
                        .addAll(emails.stream()
                                .map(email -> new Unsubscribe(
                                        Email.parse(email),
                                        now,
                                        UnsubscribeSource.CLICKED_LINK,
                                        ACTOR,
                                        Optional.empty()))
                                .iterator());
                workspace.engine().wake();
            });
            waitForEmptyOutbox(patience);
            return timing;
        } finally {
            workspace.engine().close();
        }
    }

    /** A burst through the intake, and what the intake answered. */
    record IntakeBurst(BurstTiming.Timing timing, IntakeClicks.Answers answers) {}

    /**
     * Clicks the burst's one-click links against the intake while the engine runs: each address's time runs from its
     * click being sent to its records opted out in the org, so it holds the intake's answer as well as the push.
     */
    IntakeBurst intakeBurst(BenchWorkload.Burst burst, Duration window, Duration patience) {
        workspace.engine().start();
        try (AppUnderBench.ClickIntake intake = workspace.openIntake();
                IntakeClicks clicks = new IntakeClicks()) {
            Map<String, URI> links = new HashMap<>();
            burst.emails().forEach(email -> links.put(email, intake.linkFor(email)));
            BurstTiming.Timing timing = BurstTiming.run(
                    org.state(),
                    burst,
                    window,
                    patience,
                    emails -> emails.forEach(email -> clicks.click(links.get(email))));
            IntakeClicks.Answers answers = clicks.answers(patience);
            waitForEmptyOutbox(patience);
            return new IntakeBurst(timing, answers);
        } finally {
            workspace.engine().close();
        }
    }

    /** What a steady stream of clicks got: how many a second the intake answered, and how fast. */
    record SustainedClicks(int clients, double seconds, int answered, double perSecond, double p50Ms, double p99Ms) {}

    /**
     * Clients that each click, wait for the answer and click again, for a while: the most the intake answers a
     * second. The addresses are new to the org, so the engine's pushes after them are no part of any figure.
     */
    SustainedClicks sustainedClicks(int clients, Duration length) {
        workspace.engine().start();
        try (AppUnderBench.ClickIntake intake = workspace.openIntake();
                IntakeClicks clicks = new IntakeClicks()) {
            AtomicInteger next = new AtomicInteger();
            long end = System.nanoTime() + length.toNanos();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                Thread client = new Thread(
                        () -> {
                            while (System.nanoTime() < end) {
                                clicks.clickAndWait(
                                        intake.linkFor("steady-" + next.incrementAndGet() + "@intake.bench.test"));
                            }
                        },
                        "bench-steady-client-" + i);
                client.setDaemon(true);
                client.start();
                threads.add(client);
            }
            for (Thread client : threads) {
                try {
                    client.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = clicks.drainAnswerNanos();
            waitForEmptyOutbox(PATIENCE_FOR_STEADY);
            return new SustainedClicks(
                    clients,
                    seconds,
                    sorted.length,
                    sorted.length / seconds,
                    BurstTiming.millis(BurstTiming.percentile(sorted, 50)),
                    BurstTiming.millis(BurstTiming.percentile(sorted, 99)));
        } finally {
            workspace.engine().close();
        }
    }

    private void waitForEmptyOutbox(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (workspace.outbox().pendingCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code h2} or {@code postgresql}: what the engine's store runs on. */
    String store() {
        return store;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
