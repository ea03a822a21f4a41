package com.unsubscribesync.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recipients clicking one-click links, as mail providers send them: a POST of {@code List-Unsubscribe=One-Click} to
 * the link; a 429 or 503 is sent again after its {@code Retry-After}, as RFC 8058 senders do. Each click's answer
 * time (from its first try to its 200) is kept. The requests go over {@link ClickConnections}, cheap enough not to
 * eat the cores the intake is measured on.
 */
final class IntakeClicks implements AutoCloseable {
    private static final int MOST_TRIES = 10;

    private ClickConnections connections;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-click-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final List<CompletableFuture<Void>> clicks = new ArrayList<>();
    private final ConcurrentLinkedQueue<Long> answerNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger turnedAway = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** What the intake answered, over every click sent. */
    record Answers(int clicks, int answered, int turnedAway, int failed, double p50Ms, double p99Ms, double maxMs) {}

    /** Sends one click now and returns at once; the answer is awaited in {@link #answers}. */
    synchronized void click(URI link) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        clicks.add(done);
        send(link, System.nanoTime(), 1, done);
    }

    /** Sends one click and waits for its answer (for a closed loop of clients). */
    void clickAndWait(URI link) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(link, System.nanoTime(), 1, done);
        done.join();
    }

    private void send(URI link, long firstTry, int tries, CompletableFuture<Void> done) {
        connectionsTo(link).post(link, answer -> {
            if (answer.status() == 200) {
                answerNanos.add(System.nanoTime() - firstTry);
                done.complete(null);
            } else if ((answer.status() == 429 || answer.status() == 503) && tries < MOST_TRIES) {
                turnedAway.incrementAndGet();
                retries.schedule(
                        () -> send(link, firstTry, tries + 1, done),
                        answer.retryAfterSeconds().orElse(1),
                        TimeUnit.SECONDS);
            } else {
                failed.incrementAndGet();
                done.complete(null);
            }
        });
    }

    private synchronized ClickConnections connectionsTo(URI link) {
        if (connections == null) {
            connections = new ClickConnections(link);
        }
        return connections;
    }

    /** Waits for every click sent with {@link #click} to be answered (or to give up), then sums the answers up. */
    Answers answers(Duration patience) {
        List<CompletableFuture<Void>> sent;
        synchronized (this) {
            sent = List.copyOf(clicks);
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Those still open count as failed below.
        }
        long open = sent.stream().filter(click -> !click.isDone()).count();
        long[] sorted = answerNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Answers(
                sent.size(),
                sorted.length,
                turnedAway.get(),
                failed.get() + (int) open,
                BurstTiming.millis(BurstTiming.percentile(sorted, 50)),
                BurstTiming.millis(BurstTiming.percentile(sorted, 99)),
                BurstTiming.millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    /** Answer times of the clicks sent with {@link #clickAndWait}, and forgets them. */
    long[] drainAnswerNanos() {
        List<Long> all = new ArrayList<>();
        for (Long nanos = answerNanos.poll(); nanos != null; nanos = answerNanos.poll()) {
            all.add(nanos);
        }
        return all.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public void close() {
        retries.shutdownNow();
        synchronized (this) {
            if (connections != null) {
                connections.close();
            }
        }
    }
}
