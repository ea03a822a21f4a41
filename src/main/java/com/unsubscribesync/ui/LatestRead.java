package com.unsubscribesync.ui;

import java.util.function.Consumer;

/**
 * A screen's reads, of which only the latest asked for is shown. Reads run on several background threads, so an
 * older one can finish after a newer one: shown last, its earlier reading would stay on the screen until the next
 * change, which may never come. Call on the FX thread.
 */
public final class LatestRead {
    private final Background background;
    private long asked;

    public LatestRead(Background background) {
        this.background = background;
    }

    /** Reads in the background; shows the answer unless a newer read was asked for meanwhile. */
    public <T> void read(Background.Job<T> job, Consumer<T> show, Consumer<Throwable> failed) {
        long mine = ++asked;
        background.submit(
                job,
                answer -> {
                    if (mine == asked) {
                        show.accept(answer);
                    }
                },
                failed);
    }
}
