package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.Change;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.TeamStoreForTests;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.unsubscribes.UnsubscribeRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Team mode (issue 18): what one node or command writes to the team's PostgreSQL reaches the other nodes and open
 * consoles at once, announced by the store rather than found by a poll.
 */
@ExtendWith(ApplicationExtension.class)
class ChangesReachEveryNodeTest {
    /** "Within about a second" is the promise; the machine running the tests may be loaded. */
    private static final Eventually SOON = Eventually.within(Duration.ofSeconds(5));

    @TempDir
    Path data;

    @TempDir
    Path commandLineData;

    private String url;
    private ShownConsole<InMemoryOrg> shown;

    /** The PostgreSQL server starts before the window's setup, which has its own shorter patience. */
    @BeforeAll
    static void startTheTeamsDatabaseServer() {
        TeamStoreForTests.newDatabase();
    }

    @Start
    void start(Stage stage) {
        url = TeamStoreForTests.newDatabase();
        Database store = Database.openUrl(url, Optional.of(TeamStoreForTests.password()), PoolSize.DESKTOP);
        shown = new ShownConsole<>(
                stage,
                ConsoleFixture.inMemory(data, store, Clock.systemUTC(), 0),
                Screen.UNSUBSCRIBES,
                1024,
                700,
                Console::load);
    }

    @AfterEach
    void close() {
        shown.close();
    }

    @Test
    void anUnsubscribeAddedOnTheCommandLineShowsInAnOpenConsoleWithoutTheAdminTouchingIt(FxRobot robot) {
        SOON.until(
                "the console listening",
                () -> shown.fixture.workspace.database().changes().listening());
        TableView<UnsubscribeRow> table = robot.lookup("#unsubscribes").query();
        assertThat(table.getItems()).isEmpty();

        assertThat(addOnTheCommandLine("ann@example.com").exit()).isEqualTo(0);

        SOON.until(
                "the new unsubscribe listed",
                () -> table.getItems().size() == 1
                        && table.getItems().get(0).loaded()
                        && table.getItems().get(0).email().equals("ann@example.com"));
    }

    @Test
    void anUnsubscribeAddedOnTheCommandLineWakesTheOtherNodes() {
        try (Database node = Database.openUrl(url, Optional.of(TeamStoreForTests.password()), PoolSize.SERVE)) {
            List<Change> heard = new CopyOnWriteArrayList<>();
            node.changes().listen(heard::add);
            SOON.until("the node listening", () -> node.changes().listening());

            assertThat(addOnTheCommandLine("bo@example.com").exit()).isEqualTo(0);

            SOON.until(
                    "the new unsubscribe and its queued push heard",
                    () -> heard.containsAll(List.of(Change.UNSUBSCRIBES, Change.OUTBOX)));
        }
    }

    private CliRun addOnTheCommandLine(String email) {
        return CliRun.on(commandLineData)
                .env(Map.of("UNSUBSCRIBE_SYNC_STORE_PASSWORD", TeamStoreForTests.password()))
                .run("--store", url, "unsubscribe", "add", email);
    }
}
