package com.unsubscribesync.usecase;

/** Tells the real-time pusher, in this process and in any {@code serve} on the data directory, that work is queued. */
@FunctionalInterface
public interface PusherWake {
    void wake();
}
