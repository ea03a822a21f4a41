package com.unsubscribesync.ui.shell;

import com.unsubscribesync.store.Change;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Reads the screens a change concerns again, on the FX thread, when the store says it changed (ADR 0064): at once,
 * then at most once more per kind every {@link #GATHER}, so that an import of 10 000 rows elsewhere, announced batch
 * by batch, costs a few reads and not one per batch, and the last change is always read.
 */
final class ScreensFollowChanges {
    static final Duration GATHER = Duration.millis(250);

    private final Map<Change, Runnable> reads;
    /** Kinds handed to the FX thread and not handled there yet: a burst queues one task per kind, not thousands. */
    private final Set<Change> queued = ConcurrentHashMap.newKeySet();
    /** On the FX thread only: kinds read less than {@link #GATHER} ago, and those changed again meanwhile. */
    private final Set<Change> holding = EnumSet.noneOf(Change.class);

    private final Set<Change> changedAgain = EnumSet.noneOf(Change.class);
    /** Set when the console closes: a read handed over before must not start work on a closed console. */
    private volatile boolean stopped;

    /** @param reads what to read again for each kind of change; a kind not named is left alone */
    ScreensFollowChanges(Map<Change, Runnable> reads) {
        this.reads = Map.copyOf(reads);
    }

    /** Called on any thread (the store's listener, a writer's). */
    void changed(Change change) {
        if (reads.containsKey(change) && queued.add(change)) {
            Platform.runLater(() -> {
                queued.remove(change);
                if (stopped) {
                    return;
                }
                if (holding.contains(change)) {
                    changedAgain.add(change);
                } else {
                    read(change);
                }
            });
        }
    }

    private void read(Change change) {
        reads.get(change).run();
        holding.add(change);
        PauseTransition hold = new PauseTransition(GATHER);
        hold.setOnFinished(done -> {
            holding.remove(change);
            if (changedAgain.remove(change) && !stopped) {
                read(change);
            }
        });
        hold.play();
    }

    /** Reads nothing more, whatever was announced before; on any thread. */
    void stop() {
        stopped = true;
    }
}
