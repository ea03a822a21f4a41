package com.unsubscribesync.app;

import javafx.application.Application;

/**
 * Starts the JavaFX console from a plain class, so the shaded, non-modular jar can launch it without the JavaFX
 * module path.
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {}

    public static void main(String[] args) {
        Application.launch(ConsoleApplication.class, args);
    }
}
