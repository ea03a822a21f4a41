package com.unsubscribesync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The calls to one org going at once, never more than the admin's "calls in flight" (read as each call asks, so a
 * change applies from the next call): a call waits for a free place. Work made of several calls (update batches)
 * runs here on threads of its own, as many at once as there are places.
 */
final class CallsInFlight {
    /** Decides, once a call's place has come, whether it may still be sent, knowing how many others are going. */
    @FunctionalInterface
    interface Admission {
        void check(int othersGoing);
    }

    static final Admission ALWAYS = othersGoing -> {};

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final IntSupplier limit;
    /** Daemon threads that end after a minute unused, so a connection dropped without closing leaves none. */
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "salesforce-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private int going;

    /** @param limit the most calls at once, read at each call; below 1 counts as 1 */
    CallsInFlight(IntSupplier limit) {
        this.limit = limit;
    }

    int limit() {
        return Math.max(1, limit.getAsInt());
    }

    /** Waits for a place, then takes it once {@code admission} lets the call go (or throws what it throws). */
    void enter(Admission admission) {
        int most = limit();
        synchronized (this) {
            while (going >= most) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stopped(e);
                }
            }
            admission.check(going);
            going++;
        }
    }

    synchronized void leave() {
        going--;
        notifyAll();
    }

    /**
     * Runs the tasks, as many at once as there are places, and gives their results in the tasks' order. After a
     * failure no further task starts; those already going finish, then the first failure is thrown.
     */
    <T> List<T> each(List<Callable<T>> tasks) {
        int width = Math.min(limit(), tasks.size());
        List<T> results = new ArrayList<>(tasks.size());
        if (width <= 1) {
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        List<Future<T>> started = new ArrayList<>(tasks.size());
        RuntimeException failure = null;
        int next = 0;
        while (next < Math.min(width, tasks.size())) {
            started.add(threads.submit(tasks.get(next++)));
        }
        for (int done = 0; done < started.size(); done++) {
            try {
                T result = started.get(done).get();
                results.add(result);
                if (failure == null && next < tasks.size()) {
                    started.add(threads.submit(tasks.get(next++)));
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r
                            ? r
                            : FaultClassifier.classify(e.getCause(), "calling Salesforce");
                }
            } catch (InterruptedException e) {
                started.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw stopped(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw FaultClassifier.classify(e, "calling Salesforce");
        }
    }

    private static SalesforceException stopped(InterruptedException e) {
        return new SalesforceException(
                SalesforceException.Kind.UNAVAILABLE,
                "INTERRUPTED",
                "Stopped while waiting for Salesforce: the work was cancelled; the next run does the rest.",
                e);
    }
}
