package com.unsubscribesync.app;

import com.unsubscribesync.ui.AppIcon;
import com.unsubscribesync.ui.shell.StartingView;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * The console's start: a small window at once saying what is being done, the data directory opened off the FX
 * thread, then the console. On a first start the demo org is prepared meanwhile, which takes seconds.
 */
final class ConsoleStart {
    static final String OPENING = "Opening the data directory…";
    static final String PREPARING_DEMO = "Preparing the demo org…";
    static final String STARTING_ENGINE = "Starting the sync engine…";
    static final String OPENING_CONSOLE = "Opening the console…";

    /** Opens the data directory, saying each stage as it begins; runs off the FX thread. */
    @FunctionalInterface
    interface Opening {
        AppWorkspace open(Consumer<String> stage);
    }

    private final Opening opening;
    private final Executor executor;

    ConsoleStart(Opening opening, Executor executor) {
        this.opening = opening;
        this.executor = executor;
    }

    /**
     * Shows the starting window and begins opening; on the FX thread.
     *
     * @param ready  shows the console over the opened workspace, on the FX thread, while the starting window still shows
     * @param failed says why the console cannot start, on the FX thread
     * @return the starting window, closed once the console is shown or the failure was said
     */
    Stage begin(Consumer<AppWorkspace> ready, Consumer<Throwable> failed) {
        Task<AppWorkspace> task = new Task<>() {
            @Override
            protected AppWorkspace call() {
                AppWorkspace workspace = opening.open(this::updateMessage);
                updateMessage(OPENING_CONSOLE);
                return workspace;
            }
        };
        Stage window = new Stage(StageStyle.UNDECORATED);
        window.setTitle("Unsubscribe Sync — starting");
        window.getIcons().add(AppIcon.image(64));
        StartingView view = new StartingView(task.messageProperty());
        window.setScene(view.scene());
        task.setOnSucceeded(e -> {
            // A few frames to draw the last stage before the FX thread is busy building the console.
            PauseTransition drawn = new PauseTransition(Duration.millis(60));
            drawn.setOnFinished(done -> {
                try {
                    ready.accept(task.getValue());
                } catch (RuntimeException problem) {
                    failed.accept(problem);
                } finally {
                    window.close();
                }
            });
            drawn.play();
        });
        task.setOnFailed(e -> {
            failed.accept(task.getException());
            window.close();
        });
        window.show();
        window.centerOnScreen();
        executor.execute(task);
        return window;
    }
}
