package com.unsubscribesync.store;

/** How many connections a process keeps to a database named by a URL (ADR 0053). */
public enum PoolSize {
    /** A console or a command: the window's reads, a write, the real-time pusher. */
    DESKTOP(6, 1),
    /** {@code serve}: its web requests, the real-time pusher and the nightly run at once. */
    SERVE(16, 2);

    private final int most;
    private final int idle;

    PoolSize(int most, int idle) {
        this.most = most;
        this.idle = idle;
    }

    int most() {
        return most;
    }

    int idle() {
        return idle;
    }
}
