package com.unsubscribesync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Calls for several objects made at once: every one but the last beside the calling thread, the last on it, each
 * one's answer or failure kept in the order given, so that the caller settles what went through before a failure.
 */
final class SentAtOnce {
    private SentAtOnce() {}

    static <T> List<CompletableFuture<T>> send(List<Supplier<T>> sends, Executor alongside) {
        List<CompletableFuture<T>> sent = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size() - 1; i++) {
            sent.add(CompletableFuture.supplyAsync(sends.get(i), alongside));
        }
        if (!sends.isEmpty()) {
            try {
                sent.add(CompletableFuture.completedFuture(
                        sends.get(sends.size() - 1).get()));
            } catch (RuntimeException e) {
                sent.add(CompletableFuture.failedFuture(e));
            }
        }
        return sent;
    }

    /** The answer, once there; a failed send throws what it failed with. */
    static <T> T answer(CompletableFuture<T> sent) {
        try {
            return sent.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
