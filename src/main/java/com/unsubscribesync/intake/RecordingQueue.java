package com.unsubscribesync.intake;

import com.unsubscribesync.links.LinkSubject;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writes waiting for the store, at most so many: past that a click is turned away (503) at once instead of
 * piling up threads and memory while the store is slow.
 */
final class RecordingQueue implements AutoCloseable {
    private final ThreadPoolExecutor writers;
    private final Recording recording;

    RecordingQueue(Recording recording, int capacity, int writerThreads) {
        this.recording = recording;
        AtomicInteger count = new AtomicInteger();
        this.writers = new ThreadPoolExecutor(
                writerThreads, writerThreads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), task -> {
                    Thread thread = new Thread(task, "intake-writer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The write under way; empty when the queue is full. */
    Optional<Future<Boolean>> offer(LinkSubject subject) {
        return offer(() -> recording.record(subject));
    }

    /** Any write of the intake (an API request's), in the same queue as the clicks. */
    <T> Optional<Future<T>> offer(Callable<T> write) {
        try {
            return Optional.of(writers.submit(write));
        } catch (RejectedExecutionException full) {
            return Optional.empty();
        }
    }

    int waiting() {
        return writers.getQueue().size();
    }

    /** Lets the writes already taken finish: each was promised an answer after its commit. */
    @Override
    public void close() {
        writers.shutdown();
        try {
            writers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
