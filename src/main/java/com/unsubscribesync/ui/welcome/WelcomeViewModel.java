package com.unsubscribesync.ui.welcome;

import com.unsubscribesync.ui.Background;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The first-run welcome: shown once per data directory, dismissed by the admin, reopened from Connection. */
public final class WelcomeViewModel {
    private final WelcomeMemory memory;
    private final Background background;
    private final Runnable openConnection;
    private final SimpleBooleanProperty showing = new SimpleBooleanProperty(false);

    /** @param openConnection switches the console to the Connection screen */
    public WelcomeViewModel(WelcomeMemory memory, Background background, Runnable openConnection) {
        this.memory = memory;
        this.background = background;
        this.openConnection = openConnection;
    }

    /** Shows the welcome unless this data directory has shown it before; remembers it at once, so it comes once. */
    public void showIfFirstRun() {
        background.submit(progress -> {
            if (memory.shown()) {
                return false;
            }
            memory.remember();
            return true;
        }, first -> {
            if (first) {
                showing.set(true);
            }
        }, failed -> showing.set(false));
    }

    public void reopen() {
        showing.set(true);
    }

    public void dismiss() {
        showing.set(false);
    }

    public void connectRealOrg() {
        showing.set(false);
        openConnection.run();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing;
    }
}
