package com.unsubscribesync.app;

import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.FxBackground;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's {@link FxBackground}, counting the jobs whose result has not reached the FX thread yet, so a test can
 * wait for the screen to have what it asked for instead of sleeping a guessed time. Consoles whose pool has been shut
 * down no longer count.
 */
final class CountedBackground implements Background {
    private static final Set<CountedBackground> IN_USE = ConcurrentHashMap.newKeySet();

    private final ExecutorService executor;
    private final Background background;
    private final AtomicInteger unlanded = new AtomicInteger();

    CountedBackground(ExecutorService executor) {
        this.executor = executor;
        this.background = new FxBackground(executor);
        IN_USE.add(this);
    }

    @Override
    public <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
        unlanded.incrementAndGet();
        return background.submit(job, landing(done), landing(failed));
    }

    private <T> Consumer<T> landing(Consumer<T> then) {
        return value -> {
            try {
                then.accept(value);
            } finally {
                unlanded.decrementAndGet();
            }
        };
    }

    /**
     * Waits until the background work of every console in use has landed on the FX thread and the FX thread has
     * drawn what followed from it.
     */
    static void settle() {
        Eventually.within(Duration.ofSeconds(30)).until("the consoles' background work to reach the screen", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            IN_USE.removeIf(counted -> counted.executor.isShutdown());
            return IN_USE.stream().allMatch(counted -> counted.unlanded.get() == 0);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
