package com.unsubscribesync.intake;

import com.unsubscribesync.links.LinkSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The writes waiting for the store, at most so many: past that a click is turned away (503) at once instead of
 * piling up threads and memory while the store is slow. Each writer takes every click waiting when it is free and
 * commits them together, so a burst costs a few transactions, not one per click.
 */
final class RecordingQueue implements AutoCloseable {
    /** Most clicks committed in one transaction: enough for any burst, small enough to commit in milliseconds. */
    static final int MOST_TOGETHER = 500;

    private final Recording recording;
    private final BlockingQueue<Waiting> waiting;
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    private record Waiting(LinkSubject subject, CompletableFuture<Boolean> written) {}

    RecordingQueue(Recording recording, int capacity, int writerThreads) {
        this.recording = recording;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        for (int i = 1; i <= writerThreads; i++) {
            Thread writer = new Thread(this::writeUntilClosed, "intake-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** The write under way; empty when the queue is full or closing. */
    Optional<Future<Boolean>> offer(LinkSubject subject) {
        if (closing.get()) {
            return Optional.empty();
        }
        Waiting click = new Waiting(subject, new CompletableFuture<>());
        return waiting.offer(click) ? Optional.of(click.written()) : Optional.empty();
    }

    int waiting() {
        return waiting.size();
    }

    private void writeUntilClosed() {
        while (!closing.get() || !waiting.isEmpty()) {
            Waiting first;
            try {
                first = waiting.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Waiting> together = new ArrayList<>();
            together.add(first);
            waiting.drainTo(together, MOST_TOGETHER - 1);
            write(together);
        }
    }

    private void write(List<Waiting> together) {
        try {
            List<Boolean> added = recording.recordTogether(
                    together.stream().map(Waiting::subject).toList());
            for (int i = 0; i < together.size(); i++) {
                together.get(i).written().complete(added.get(i));
            }
        } catch (RuntimeException e) {
            if (together.size() == 1) {
                together.get(0).written().completeExceptionally(e);
            } else {
                // One click's trouble must not cost the others their unsubscribe: each on its own then.
                together.forEach(click -> write(List.of(click)));
            }
        }
    }

    /** Lets the writes already taken finish: each was promised an answer after its commit. */
    @Override
    public void close() {
        closing.set(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread writer : writers) {
            try {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
