package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's first start, as ConsoleApplication runs it (demo org prepared, engine started): a window saying what
 * is being opened shows at once, before the console, and each stage is held until the test has seen it.
 */
@ExtendWith(ApplicationExtension.class)
class StartUpIndicatorTest {
    @TempDir
    Path data;

    private Stage stage;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final AtomicReference<AppWorkspace> opened = new AtomicReference<>();
    private final AtomicReference<Console> console = new AtomicReference<>();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();

    /** A stage of the test's own: the console's window, not shown until the console is ready. */
    @Start
    void start(Stage primary) {
        stage = new Stage();
    }

    @AfterEach
    void close() throws Exception {
        gates.values().forEach(CountDownLatch::countDown);
        SeededConsole.settle();
        WaitForAsyncUtils.asyncFx(() -> {
                    if (console.get() != null) {
                        console.get().stopPolling();
                    }
                    stage.hide();
                })
                .get();
        SeededConsole.settle();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        if (opened.get() != null) {
            opened.get().close();
        }
    }

    private CountDownLatch gate(String stage) {
        return gates.computeIfAbsent(stage, s -> new CountDownLatch(1));
    }

    @Test
    void aFirstStartShowsWhatItIsOpeningAtOnceAndTheConsoleOnlyWhenItIsReady(FxRobot robot) throws Exception {
        ConsoleStart start = new ConsoleStart(
                said -> ConsoleApplication.open(
                        () -> new AppWorkspace(
                                data,
                                Database.openInMemory("start-" + UUID.randomUUID()),
                                Clock.systemUTC(),
                                "admin",
                                Map.of()),
                        stage -> {
                            said.accept(stage);
                            try {
                                gate(stage).await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }),
                executor);
        robot.interact(() -> start.begin(this::showConsole, failed::set));

        for (String stage : List.of(ConsoleStart.OPENING, ConsoleStart.PREPARING_DEMO, ConsoleStart.STARTING_ENGINE)) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.equals(startingText(robot)));
            assertThat(startingWindow())
                    .as("starting window during '%s'", stage)
                    .isPresent();
            assertThat(robot.lookup("#starting-progress").tryQuery()).isPresent();
            assertThat(this.stage.isShowing()).as("console during '%s'", stage).isFalse();
            assertThat(robot.lookup("#nav-connection").tryQuery()).isEmpty();
            gate(stage).countDown();
        }

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> this.stage.isShowing());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> startingWindow().isEmpty());
        assertThat(failed.get()).isNull();
        assertThat(robot.lookup("#nav-connection").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> robot.lookup("#demo-badge").query().isVisible());
    }

    @Test
    void aDataDirectoryThatCannotBeOpenedIsSaidAndNoConsoleShows(FxRobot robot) throws Exception {
        ConsoleStart start = new ConsoleStart(
                said -> ConsoleApplication.open(
                        () -> {
                            throw new IllegalStateException("The data directory /nowhere cannot be written.");
                        },
                        said),
                executor);
        robot.interact(() -> start.begin(this::showConsole, failed::set));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> failed.get() != null);
        assertThat(failed.get()).hasMessage("The data directory /nowhere cannot be written.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> startingWindow().isEmpty());
        assertThat(stage.isShowing()).isFalse();
    }

    /** What ConsoleApplication does once the workspace is open, without the host's browser. */
    private void showConsole(AppWorkspace workspace) {
        opened.set(workspace);
        Console shown = ConsoleWiring.console(
                workspace,
                ZoneId.of("UTC"),
                new CountedBackground(executor),
                new ScriptedDialogs(),
                Screen.UNSUBSCRIBES);
        console.set(shown);
        stage.setScene(shown.scene(1024, 700));
        shown.load();
        stage.show();
    }

    private static Optional<Window> startingWindow() {
        return Window.getWindows().stream()
                .filter(Window::isShowing)
                .filter(window -> window.getScene() != null && window.getScene().lookup("#starting") != null)
                .findFirst();
    }

    private static String startingText(FxRobot robot) {
        Optional<Node> label = robot.lookup("#starting-stage").tryQuery();
        return label.map(node -> ((Label) node).getText()).orElse("");
    }
}
