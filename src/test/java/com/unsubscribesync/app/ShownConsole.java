package com.unsubscribesync.app;

import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.shell.Console;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A console over a fixture, shown in a TestFX stage with scripted dialogs and a background pool of its own; closing
 * it stops the polling and the pool, then the fixture.
 *
 * @param <O> the fixture's org
 */
class ShownConsole<O> implements AutoCloseable {
    final ConsoleFixture<O> fixture;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final Console console;
    final Scene scene;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    /** @param opening what happens between setting the scene and showing the stage (e.g. the first reads) */
    ShownConsole(
            Stage stage,
            ConsoleFixture<O> fixture,
            Screen first,
            double width,
            double height,
            Consumer<Console> opening) {
        this(stage, fixture, first, width, height, Optional.empty(), opening);
    }

    /** @param browser opens a link into Salesforce; empty: its address is shown in a dialog */
    ShownConsole(
            Stage stage,
            ConsoleFixture<O> fixture,
            Screen first,
            double width,
            double height,
            Optional<Consumer<String>> browser,
            Consumer<Console> opening) {
        this.fixture = fixture;
        CountedBackground background = new CountedBackground(executor);
        console = browser.map(opens -> fixture.console(background, dialogs, first, opens))
                .orElseGet(() -> fixture.console(background, dialogs, first));
        scene = console.scene(width, height);
        stage.setScene(scene);
        opening.accept(console);
        stage.show();
        stage.requestFocus();
    }

    @Override
    public void close() {
        console.stopPolling();
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fixture.close();
    }
}
