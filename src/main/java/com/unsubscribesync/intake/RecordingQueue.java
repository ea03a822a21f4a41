package com.unsubscribesync.intake;

import com.unsubscribesync.links.LinkSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writes waiting for the store, at most so many: past that a click is turned away (503) at once instead of
 * piling up threads and memory while the store is slow. Each writer takes every write waiting when it is free and
 * commits the clicks among them together, so a burst costs a few transactions, not one per click.
 */
final class RecordingQueue implements AutoCloseable {
    /**
     * Most writes taken at once. Random addresses change a page of each address index per click; a larger group
     * shares those pages, so it costs less per click (ADR 0072), and 2 000 still commit within a fraction of a second.
     */
    static final int MOST_TOGETHER = 2_000;

    private final Recording recording;
    private final BlockingQueue<Waiting<?>> waiting;
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Writes taken and not yet answered: waiting here or in a commit under way. */
    private final AtomicInteger notYetCommitted = new AtomicInteger();

    /** A click ({@code subject}) or any other write ({@code work}), and its answer once committed. */
    private record Waiting<T>(LinkSubject subject, Callable<T> work, CompletableFuture<T> written) {
        boolean click() {
            return subject != null;
        }

        void run() {
            try {
                written.complete(work.call());
            } catch (Exception e) {
                written.completeExceptionally(e);
            }
        }
    }

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
    Optional<CompletableFuture<Boolean>> offer(LinkSubject subject) {
        return offer(new Waiting<>(subject, null, new CompletableFuture<>()));
    }

    /** Any write of the intake (an API request's), in the same queue as the clicks. */
    <T> Optional<Future<T>> offer(Callable<T> write) {
        return offer(new Waiting<>(null, write, new CompletableFuture<>())).map(written -> written);
    }

    private <T> Optional<CompletableFuture<T>> offer(Waiting<T> write) {
        notYetCommitted.incrementAndGet();
        if (closing.get() || !waiting.offer(write)) {
            notYetCommitted.decrementAndGet();
            return Optional.empty();
        }
        write.written().whenComplete((answer, failure) -> notYetCommitted.decrementAndGet());
        return Optional.of(write.written());
    }

    int waiting() {
        return waiting.size();
    }

    /** The writes taken and not yet committed or failed, including those in a commit under way. */
    int notYetCommitted() {
        return notYetCommitted.get();
    }

    private void writeUntilClosed() {
        while (!closing.get() || !waiting.isEmpty()) {
            Waiting<?> first;
            try {
                first = waiting.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Waiting<?>> taken = new ArrayList<>();
            taken.add(first);
            waiting.drainTo(taken, MOST_TOGETHER - 1);
            List<Waiting<Boolean>> clicks = new ArrayList<>();
            for (Waiting<?> write : taken) {
                if (write.click()) {
                    clicks.add(asClick(write));
                } else {
                    write.run();
                }
            }
            if (!clicks.isEmpty()) {
                writeClicks(clicks);
            }
        }
    }

    @SuppressWarnings("unchecked") // only offer(LinkSubject) makes clicks, each with a Boolean answer
    private static Waiting<Boolean> asClick(Waiting<?> write) {
        return (Waiting<Boolean>) write;
    }

    private void writeClicks(List<Waiting<Boolean>> together) {
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
                together.forEach(click -> writeClicks(List.of(click)));
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
