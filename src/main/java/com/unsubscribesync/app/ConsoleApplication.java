package com.unsubscribesync.app;

import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.FxDialogService;
import com.unsubscribesync.ui.WindowMemory;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.shell.Screenshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: shows a starting window at once, opens the data directory like the command line
 * does and starts the engine off the FX thread, then shows the console. Options: {@code --data-dir DIR}, {@code --screenshots DIR} (render every screen and quit).
 */
public final class ConsoleApplication extends Application {
    static final String WINDOW_FILE = "console-window.properties";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);

    private volatile AppWorkspace workspace;
    private ExecutorService executor;
    private Optional<Path> dataDir = Optional.empty();
    private Optional<String> store = Optional.empty();
    private Optional<Path> screenshots = Optional.empty();

    @Override
    public void init() {
        List<String> args = getParameters().getRaw();
        dataDir = option(args, "--data-dir").map(Path::of);
        store = option(args, "--store");
        screenshots = option(args, "--screenshots").map(Path::of);
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "console-work");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the data directory, prepares the demo org on a first start and starts the engine; off the FX thread.
     *
     * @param directory opens the data directory as the command line does
     */
    static AppWorkspace open(Supplier<AppWorkspace> directory, Consumer<String> stage) {
        stage.accept(ConsoleStart.OPENING);
        AppWorkspace workspace = directory.get();
        try {
            firstStart(workspace, stage);
            stage.accept(ConsoleStart.STARTING_ENGINE);
            workspace.schedulesFrom(com.unsubscribesync.store.SyncRun.Origin.CONSOLE);
            workspace.engine().start();
            return workspace;
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /**
     * A fresh data directory opens on the demo org with one run behind it, so a newcomer sees unsubscribes,
     * a run and conflicts at once rather than empty tables.
     */
    private static void firstStart(AppWorkspace workspace, Consumer<String> stage) {
        if (workspace.salesforce().saved()
                || workspace.salesforce().savedConnectionProblem().isPresent()
                || workspace.syncRuns().last().isPresent()
                || java.nio.file.Files.exists(workspace.dataDirectory().resolve(WINDOW_FILE))) {
            return;
        }
        stage.accept(ConsoleStart.PREPARING_DEMO);
        try {
            workspace.salesforce().connectDemo();
            workspace.connectionChanged();
            workspace.currentOrg().current().ifPresent(demo -> DemoData.prepare(workspace, demo));
        } catch (RuntimeException e) {
            LOG.warn("The demo org could not be prepared on first start; the console opens without it", e);
        }
    }

    /** A window at once saying what is being opened, then the console; the opening runs off the FX thread. */
    @Override
    public void start(Stage stage) {
        new ConsoleStart(
                        said -> open(
                                () -> new WorkspaceOpener(System.getenv(), Clock.systemUTC())
                                        .open(dataDir, store, PoolSize.DESKTOP),
                                said),
                        executor)
                .begin(
                        opened -> {
                            workspace = opened;
                            show(stage, opened);
                        },
                        problem -> {
                            LOG.error("The console could not open its data directory", problem);
                            Alert alert = new Alert(
                                    Alert.AlertType.ERROR,
                                    "The console could not open its data directory: "
                                            + (problem.getMessage() == null
                                                    ? "see the log file."
                                                    : problem.getMessage()));
                            alert.setHeaderText("Unsubscribe Sync cannot start");
                            alert.showAndWait();
                            Platform.exit();
                        });
    }

    private void show(Stage stage, AppWorkspace opened) {
        WindowMemory memory = new WindowMemory(opened.dataDirectory().resolve(WINDOW_FILE));
        Console console = ConsoleWiring.console(
                opened,
                ZoneId.systemDefault(),
                new FxBackground(executor),
                new FxDialogService(() -> stage, Console.STYLESHEET, getHostServices()::showDocument),
                memory.load().screen(),
                getHostServices()::showDocument);
        console.show(stage, memory);
        if (screenshots.isEmpty()) {
            console.welcomeIfFirstRun();
        }
        screenshots.ifPresent(
                directory -> Screenshots.takeAll(console, stage.getScene(), directory, Duration.seconds(2), () -> {
                    LOG.info("Screenshots written to {}", directory);
                    stage.close();
                    Platform.exit();
                }));
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Optional.of(args.get(at + 1)) : Optional.empty();
    }
}
