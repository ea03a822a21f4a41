package com.unsubscribesync.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits for a condition instead of sleeping a guessed time: polls (briefly at first, then every 200 ms) until the
 * condition holds or the patience runs out, and then fails naming what was awaited, the last value seen and, when
 * given, what else helps to understand it (a process's output). A probe that throws counts as "not yet"; the last
 * exception becomes the failure's cause.
 *
 * <pre>{@code
 * Eventually.within(Duration.ofSeconds(90)).showing(serve::output)
 *         .until("the opt-out pushed once the org is back", () -> org.read(contact).optedOut());
 * }</pre>
 */
public final class Eventually {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

    private final Duration patience;
    private final Probe<String> context;
    private final Optional<Duration> every;

    private Eventually(Duration patience, Probe<String> context, Optional<Duration> every) {
        this.patience = patience;
        this.context = context;
        this.every = every;
    }

    public static Eventually within(Duration patience) {
        return new Eventually(patience, () -> "", Optional.empty());
    }

    /** Adds {@code context} (read when the wait fails) to the failure message. */
    public Eventually showing(Probe<String> context) {
        return new Eventually(patience, context, every);
    }

    /** Checks at this fixed interval, for a test that measures how soon the condition came true. */
    public Eventually checkingEvery(Duration interval) {
        return new Eventually(patience, context, Optional.of(interval));
    }

    /** Waits until {@code condition} holds. */
    public void until(String awaited, Condition condition) {
        until(awaited, condition::met, Boolean.TRUE::equals);
    }

    /** Waits until the value {@code probe} reads is {@code accepted}, and returns that value. */
    public <T> T until(String awaited, Probe<T> probe, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = every.orElse(FIRST_PAUSE);
        T last = null;
        Exception failure = null;
        while (true) {
            try {
                last = probe.read();
                failure = null;
                if (accepted.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(message(awaited, last, failure), failure);
            }
            pause(pause);
            if (every.isEmpty()) {
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private String message(String awaited, Object last, Exception failure) {
        String seen = failure != null ? "the last check failed: " + failure : "last seen: " + last;
        String more;
        try {
            more = context.read();
        } catch (Exception e) {
            more = "(" + e + ")";
        }
        return "Waited " + describe(patience) + " for " + awaited + ", in vain; " + seen
                + (Objects.requireNonNullElse(more, "").isBlank() ? "" : "\n" + more);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /** Something that holds or not yet. */
    @FunctionalInterface
    public interface Condition {
        boolean met() throws Exception;
    }

    /** Reads the value being waited on. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }
}
