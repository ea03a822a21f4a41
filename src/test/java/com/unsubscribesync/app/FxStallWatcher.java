package com.unsubscribesync.app;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Posts a tiny task to the FX thread every few milliseconds and keeps the longest wait before it ran; when a wait
 * passes 60 ms it keeps what the FX thread was doing, so a failure says where the time went.
 */
final class FxStallWatcher implements AutoCloseable {
    private final AtomicLong worst = new AtomicLong();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final List<String> stalls = new CopyOnWriteArrayList<>();
    private final Thread thread = new Thread(this::watch, "fx-stall-watcher");

    FxStallWatcher() {
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (watching.get()) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                worst.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max);
                ran.countDown();
            });
            try {
                if (!ran.await(60, TimeUnit.MILLISECONDS)) {
                    stalls.add(fxThreadStack());
                    ran.await(5, TimeUnit.SECONDS);
                }
                // The sampling interval.
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest wait so far, in milliseconds. */
    long worstMillis() {
        return worst.get();
    }

    /** What the FX thread was doing during each wait over 60 ms. */
    String stalls() {
        return String.join("\n\n", stalls);
    }

    @Override
    public void close() {
        watching.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fxThreadStack() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().contains("JavaFX Application"))
                .findFirst()
                .map(e -> Arrays.stream(e.getValue())
                        .limit(25)
                        .map(f -> "  at " + f)
                        .collect(Collectors.joining("\n")))
                .orElse("(no FX thread)");
    }
}
