package com.unsubscribesync.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on an executor owned by the composition root. Progress reports are coalesced: however fast a job
 * reports, the FX thread receives at most one pending update, so a busy sync cannot flood it.
 */
public final class FxBackground implements Background {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackground.class);

    private final ExecutorService executor;

    public FxBackground(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
        FxRunning running = new FxRunning();
        try {
            executor.submit(() -> {
                try {
                    T result = job.run(running);
                    Platform.runLater(() -> done.accept(result));
                } catch (Exception | Error e) {
                    LOG.warn("Background work failed", e);
                    Platform.runLater(() -> failed.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // The console is closing: a read a change or a finished job asked for has nothing left to show.
            LOG.debug("Background work asked for after the console closed; not started");
            running.cancel();
        }
        return running;
    }

    private static final class FxRunning implements Running, Progress {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<ProgressReport> latest = new AtomicReference<>();
        private volatile Consumer<ProgressReport> listener = report -> {};

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public void onProgress(Consumer<ProgressReport> listener) {
            this.listener = listener;
        }

        @Override
        public void update(String message, double fraction) {
            if (latest.getAndSet(new ProgressReport(message, fraction)) == null) {
                Platform.runLater(() -> listener.accept(latest.getAndSet(null)));
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }
}
