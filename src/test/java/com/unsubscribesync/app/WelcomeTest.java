package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.welcome.WelcomeMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run welcome, through the real console, headless: once per data directory, and again on request. */
@ExtendWith(ApplicationExtension.class)
class WelcomeTest {
    @TempDir
    Path data;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private ConsoleFixture<InMemoryOrg> fixture;
    private Stage stage;
    private Console console;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = ConsoleFixture.inMemory(data, Clock.systemUTC(), 0);
        console = open();
        stage.show();
    }

    /** What ConsoleApplication does at each start: a new console on the same data directory, then the welcome. */
    private Console open() {
        Console opened = fixture.console(new CountedBackground(executor), new ScriptedDialogs(), Screen.INTEGRATIONS);
        stage.setScene(opened.scene(1280, 800));
        opened.load();
        opened.welcomeIfFirstRun();
        return opened;
    }

    @AfterEach
    void close() throws Exception {
        console.stopPolling();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void aFreshDataDirectoryShowsTheWelcomeOnceAndTheSecondStartDoesNot(FxRobot robot) throws Exception {
        SeededConsole.settle();
        assertThat(welcome(robot).isVisible()).isTrue();
        assertThat(texts(robot)).contains("demo org", "External Client App", "Client ID");
        assertThat(settings(robot))
                .contains(
                        com.unsubscribesync.salesforce.OAuthCallback.defaultPort()
                                .url(),
                        "Manage user data via APIs (api)",
                        "Perform requests at any time (refresh_token, offline_access)",
                        "Require Proof Key for Code Exchange (PKCE)");
        assertThat(Files.exists(data.resolve(WelcomeMemory.FILE))).isTrue();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        robot.interact(() -> com.unsubscribesync.ui.shell.Screenshots.write(
                stage.getScene().snapshot(null), shots.resolve("welcome.png")));

        robot.clickOn("#welcome-dismiss");
        SeededConsole.settle();
        assertThat(welcome(robot).isVisible()).isFalse();

        robot.interact(() -> {
            console.stopPolling();
            console = open();
        });
        SeededConsole.settle();
        assertThat(welcome(robot).isVisible()).isFalse();
    }

    @Test
    void theWelcomeLeadsToTheConnectionScreenWithTheStepsToConnectARealOrg(FxRobot robot) throws Exception {
        SeededConsole.settle();
        robot.clickOn("#welcome-connect");
        SeededConsole.settle();
        assertThat(welcome(robot).isVisible()).isFalse();
        assertThat(console.shell().screenProperty().get()).isEqualTo(Screen.CONNECTION);
        assertThat(robot.lookup("#connect-guide").query().isVisible()).isTrue();
    }

    @Test
    void escapeClosesTheWelcome(FxRobot robot) {
        SeededConsole.settle();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(welcome(robot).isVisible()).isFalse();
    }

    private static Node welcome(FxRobot robot) {
        return robot.lookup("#welcome").query();
    }

    private static String texts(FxRobot robot) {
        java.util.function.Predicate<Node> labeled = node -> node instanceof Labeled;
        return String.join(
                "\n",
                robot.from(welcome(robot)).lookup(labeled).queryAllAs(Labeled.class).stream()
                        .map(Labeled::getText)
                        .toList());
    }

    private static java.util.List<String> settings(FxRobot robot) {
        return robot.from(welcome(robot)).lookup(".welcome-value").queryAllAs(TextField.class).stream()
                .map(TextField::getText)
                .toList();
    }
}
