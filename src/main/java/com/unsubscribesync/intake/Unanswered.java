package com.unsubscribesync.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests taken and not answered yet, and the thread that sends the answers due after a commit: a click waiting
 * for its commit holds its connection, not a request thread, so thousands can wait at little cost (ADR 0068).
 */
final class Unanswered implements AutoCloseable {
    private final AtomicInteger open = new AtomicInteger();
    private final ThreadPoolExecutor answerer =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "intake-answers");
                thread.setDaemon(true);
                return thread;
            });

    void taken() {
        open.incrementAndGet();
    }

    void answered() {
        open.decrementAndGet();
    }

    /** Sends the answers after commits, in the order their commits completed. */
    ExecutorService answerer() {
        return answerer;
    }

    /** Waits until every request taken was answered, or the deadline ({@link System#nanoTime}) passed. */
    void awaitNone(long deadline) {
        try {
            while (open.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        answerer.shutdown();
    }
}
