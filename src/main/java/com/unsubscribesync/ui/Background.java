package com.unsubscribesync.ui;

import java.util.function.Consumer;

/**
 * Runs engine and store work off the FX thread. Results, failures and progress come back on the FX thread, so view
 * models only ever touch their properties there. Tests use {@link #immediate()}, which runs everything in place.
 */
public interface Background {

    /** Starts work; {@code done} or {@code failed} is called once, on the FX thread. */
    <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed);

    /** Work to do in the background. */
    @FunctionalInterface
    interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    /** How a job reports how far it is and learns that the admin cancelled it. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void update(String message, double fraction) {}

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** @param fraction between 0 and 1, or -1 when unknown */
        void update(String message, double fraction);

        boolean cancelled();
    }

    /** A started job. */
    interface Running {
        void cancel();

        /** Progress reports as they arrive; set before the job reports anything. */
        void onProgress(Consumer<ProgressReport> listener);
    }

    /** One progress report. */
    record ProgressReport(String message, double fraction) {}

    /** Runs each job on the calling thread; for tests and for view models driven without a toolkit. */
    static Background immediate() {
        return new Background() {
            @Override
            public <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
                T result;
                try {
                    result = job.run(Progress.NONE);
                } catch (Exception | Error e) {
                    failed.accept(e);
                    return ImmediateRunning.INSTANCE;
                }
                done.accept(result);
                return ImmediateRunning.INSTANCE;
            }
        };
    }

    /** The handle of a job that has already finished. */
    enum ImmediateRunning implements Running {
        INSTANCE;

        @Override
        public void cancel() {}

        @Override
        public void onProgress(Consumer<ProgressReport> listener) {}
    }
}
