package com.unsubscribesync.app;

import java.util.function.Supplier;

/** The data directory of one command line run: opened when a command first needs it, closed once at the end. */
final class OpenedOnFirstUse implements Supplier<AppWorkspace>, AutoCloseable {
    private final Supplier<AppWorkspace> opener;
    private AppWorkspace workspace;

    OpenedOnFirstUse(Supplier<AppWorkspace> opener) {
        this.opener = opener;
    }

    @Override
    public synchronized AppWorkspace get() {
        if (workspace == null) {
            workspace = opener.get();
        }
        return workspace;
    }

    @Override
    public synchronized void close() {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
