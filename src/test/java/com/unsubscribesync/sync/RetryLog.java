package com.unsubscribesync.sync;

import com.unsubscribesync.salesforce.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Stands in for the waits between tries of a call: records them instead of sleeping, with the number of calls the
 * connection had made, so that the tries of one call can be told apart from those of the next.
 */
final class RetryLog implements RetryPolicy.Sleeper {
    private final List<Long> atCall = new CopyOnWriteArrayList<>();
    private volatile LongSupplier calls = () -> -1;
    private volatile Runnable onWait = () -> {};

    void countCallsWith(LongSupplier value) {
        calls = value;
    }

    /** Something that happens during each wait, e.g. the end of a latency spike. */
    void onWait(Runnable value) {
        onWait = value;
    }

    @Override
    public void sleep(Duration delay) {
        atCall.add(calls.getAsLong());
        onWait.run();
    }

    int waits() {
        return atCall.size();
    }

    /** The most tries one call had: waits at consecutive call numbers are retries of the same call. */
    int mostTriesOfOneCall() {
        int most = atCall.isEmpty() ? 1 : 2;
        int chain = 1;
        for (int i = 1; i < atCall.size(); i++) {
            chain = atCall.get(i) == atCall.get(i - 1) + 1 ? chain + 1 : 1;
            most = Math.max(most, chain + 1);
        }
        return most;
    }
}
