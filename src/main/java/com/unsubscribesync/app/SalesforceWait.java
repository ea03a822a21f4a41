package com.unsubscribesync.app;

import com.unsubscribesync.cli.ServeState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waiting for an org that cannot be opened right now (an outage, a network down after a reboot): tries again after
 * 5 s, then doubling up to 5 min, so that {@code serve} stays up and catches up without anybody restarting it.
 */
final class SalesforceWait {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    private Optional<ServeState.Waiting> waiting = Optional.empty();
    private int failures;

    Optional<ServeState.Waiting> state() {
        return waiting;
    }

    boolean mayTry(Instant now) {
        return waiting.map(w -> !now.isBefore(w.nextTry())).orElse(true);
    }

    /** Records a failed try; the state now says when the next one is. */
    ServeState.Waiting failed(Instant now, String problem) {
        failures++;
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 10));
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
            pause = LONGEST_PAUSE;
        }
        Instant since = waiting.map(ServeState.Waiting::since).orElse(now);
        ServeState.Waiting next = new ServeState.Waiting(since, now.plus(pause), problem);
        waiting = Optional.of(next);
        return next;
    }

    /** The org opened; what was waited, if anything. */
    Optional<ServeState.Waiting> reached() {
        Optional<ServeState.Waiting> was = waiting;
        waiting = Optional.empty();
        failures = 0;
        return was;
    }
}
