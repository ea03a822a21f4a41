package com.unsubscribesync.app;

import com.unsubscribesync.ui.Console;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.FxDialogService;
import com.unsubscribesync.ui.Screenshots;
import com.unsubscribesync.ui.WindowMemory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: opens the data directory like the command line does, starts the engine, and
 * shows the console. Options: {@code --data-dir DIR}, {@code --screenshots DIR} (render every screen and quit).
 */
public final class ConsoleApplication extends Application {
    static final String WINDOW_FILE = "console-window.properties";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);

    private AppWorkspace workspace;
    private ExecutorService executor;
    private Optional<Path> screenshots = Optional.empty();
    private String problem;

    @Override
    public void init() {
        List<String> args = getParameters().getRaw();
        Optional<Path> dataDir = option(args, "--data-dir");
        screenshots = option(args, "--screenshots");
        try {
            workspace = new WorkspaceOpener(System.getenv(), Clock.systemUTC()).open(dataDir);
            firstStart(workspace);
            workspace.engine().start();
        } catch (RuntimeException e) {
            LOG.error("The console could not open its data directory", e);
            problem = e.getMessage();
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "console-work");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A fresh data directory opens on the demo org with one run behind it, so a newcomer sees unsubscribes,
     * a run and conflicts at once rather than empty tables.
     */
    private static void firstStart(AppWorkspace workspace) {
        if (workspace.hasSavedConnection() || workspace.salesforce().savedConnectionProblem().isPresent()
                || workspace.syncRuns().last().isPresent()
                || java.nio.file.Files.exists(workspace.dataDirectory().resolve(WINDOW_FILE))) {
            return;
        }
        try {
            workspace.salesforce().connectDemo();
            workspace.connectionChanged();
            workspace.currentOrg().current().ifPresent(demo -> DemoData.prepare(workspace, demo));
        } catch (RuntimeException e) {
            LOG.warn("The demo org could not be prepared on first start; the console opens without it", e);
        }
    }

    @Override
    public void start(Stage stage) {
        if (workspace == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "The console could not open its data directory: " + problem);
            alert.setHeaderText("Unsubscribe Sync cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        ConsoleWorkspace services = new ConsoleWorkspace(workspace, new ConsoleOrgConnections(workspace),
                ZoneId.systemDefault());
        WindowMemory memory = new WindowMemory(workspace.dataDirectory().resolve(WINDOW_FILE));
        Console console = new Console(services, new FxBackground(executor),
                new FxDialogService(() -> stage, Console.STYLESHEET, getHostServices()::showDocument), memory.load().screen());
        console.show(stage, memory);
        if (screenshots.isEmpty()) {
            console.welcomeIfFirstRun();
        }
        screenshots.ifPresent(directory -> Screenshots.takeAll(console, stage.getScene(), directory,
                Duration.seconds(2), () -> {
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

    private static Optional<Path> option(List<String> args, String name) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Optional.of(Path.of(args.get(at + 1))) : Optional.empty();
    }
}
