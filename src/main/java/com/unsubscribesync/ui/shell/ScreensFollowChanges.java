package com.unsubscribesync.ui.shell;

import com.unsubscribesync.store.Change;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Reads the screens a change concerns again, on the FX thread, when the store says it changed (ADR 0064). Changes
 * of one kind arriving together are gathered for a moment, so that an import of 10 000 rows elsewhere, announced
 * batch by batch, costs a few reads and not one per batch.
 */
final class ScreensFollowChanges {
    static final Duration GATHER = Duration.millis(250);

    private final Map<Change, Runnable> reads;
    private final Set<Change> waiting = ConcurrentHashMap.newKeySet();

    /** @param reads what to read again for each kind of change; a kind not named is left alone */
    ScreensFollowChanges(Map<Change, Runnable> reads) {
        this.reads = Map.copyOf(reads);
    }

    /** Called on any thread (the store's listener, a writer's). */
    void changed(Change change) {
        Runnable read = reads.get(change);
        if (read == null || !waiting.add(change)) {
            return;
        }
        Platform.runLater(() -> {
            PauseTransition gathering = new PauseTransition(GATHER);
            gathering.setOnFinished(done -> {
                // Cleared before the read starts, so that a change landing during the read is read again.
                waiting.remove(change);
                read.run();
            });
            gathering.play();
        });
    }
}
