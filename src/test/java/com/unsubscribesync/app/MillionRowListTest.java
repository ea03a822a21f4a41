package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.ui.FxBackground;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.ui.unsubscribes.PagedUnsubscribes;
import com.unsubscribesync.ui.unsubscribes.UnsubscribeRow;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Unsubscribes table over a store of a million unsubscribes: every part of the list shows without a freeze. */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class MillionRowListTest {
    private static final int ROWS = 1_000_000;

    @TempDir
    static Path data;

    private ConsoleFixture<InMemoryOrg> fixture;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private Console console;
    private TableView<UnsubscribeRow> table;

    @BeforeAll
    static void fillTheStore() {
        // Written straight into the table: the importer's own speed at this size is measured by `bench`.
        try (Database database = Database.openFile(data)) {
            database.inTransaction(connection -> {
                try (Statement insert = connection.createStatement()) {
                    insert.execute("INSERT INTO unsubscribes (email, unsubscribed_at, source, actor) SELECT 'u' || "
                            + "LPAD(CAST(X AS VARCHAR), 7, '0') || '@example.com', TIMESTAMP WITH TIME ZONE "
                            + "'2026-01-05 10:00:00+00', 'CLICKED_LINK', 'intake' FROM SYSTEM_RANGE(1, " + ROWS
                            + ")");
                }
                return null;
            });
        }
    }

    @Start
    void start(Stage stage) {
        fixture = ConsoleFixture.inMemory(data, Database.openFile(data), Clock.systemUTC(), 0);
        console = fixture.console(new FxBackground(executor), new ScriptedDialogs(), Screen.UNSUBSCRIBES);
        stage.setScene(console.scene(1280, 800));
        console.load();
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        console.stopPolling();
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void theTopTheEndAndTheMiddleOfAMillionRowsShowAndPagingKeepsFewPagesInMemory(FxRobot robot) throws Exception {
        FxWaits waits = walkTheList(robot);
        System.out.printf(
                "Million-row list: longest FX wait %d ms paging, %d ms for a jump to the end or middle "
                        + "(the bars are checked by the quiet-machine profile)%n",
                waits.paging(), waits.jump());
    }

    /**
     * Paging waits 60-70 ms on the 2-core machine with nothing else running: inside the bar, but too close to it to
     * gate builds on a busy machine, so the bars are checked on request (mvn -Pquiet-machine).
     */
    @Test
    @Tag("quiet-machine")
    void onAQuietMachinePagingKeepsTheFxThreadUnder100MsAndAJumpUnder2S(FxRobot robot) throws Exception {
        FxWaits waits = walkTheList(robot);

        assertThat(waits.jump())
                .as("longest FX wait of a jump across the list, ms")
                .isLessThan(2_000);
        assertThat(waits.paging())
                .as("longest wait of the FX thread while paging, ms:\n%s", waits.pagingStalls())
                .isLessThan(100);
    }

    /** The longest waits of the FX thread, in ms, for jumps across the list and for paging. */
    private record FxWaits(long jump, long paging, String pagingStalls) {}

    private FxWaits walkTheList(FxRobot robot) throws Exception {
        table = robot.lookup("#unsubscribes").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == ROWS);
        assertThat(robot.lookup("#total").queryAs(Label.class).getText()).isEqualTo("1,000,000 unsubscribes");
        shows(0, "u0000001@example.com");

        // A jump across the whole list (End, or straight to the middle) makes JavaFX 21's VirtualFlow walk its
        // per-row size cache up to the target index on the FX thread: about 0.3 s at a million rows, once per
        // jump. That cost is the control's, so it is measured on its own with a looser bound; reading and filling
        // the rows, and paging, are ours and keep the 100 ms bar.
        long jump;
        try (FxStallWatcher watcher = new FxStallWatcher()) {
            robot.clickOn(table);
            robot.push(KeyCode.END);
            shows(ROWS - 1, "u1000000@example.com");
            robot.interact(() -> table.scrollTo(ROWS / 2));
            shows(ROWS / 2, "u0500001@example.com");
            jump = watcher.worstMillis();
        }
        try (FxStallWatcher watcher = new FxStallWatcher()) {
            for (int i = 0; i < 10; i++) {
                robot.push(KeyCode.PAGE_DOWN);
            }
            shows(ROWS / 2 + 300, "u0500301@example.com");
            robot.push(KeyCode.UP);
            robot.push(KeyCode.PAGE_UP);
            assertThat(((PagedUnsubscribes) table.getItems()).pagesKept())
                    .as("pages kept in memory")
                    .isLessThanOrEqualTo(40);
            return new FxWaits(jump, watcher.worstMillis(), watcher.stalls());
        }
    }

    /**
     * The row at {@code index} fills in from the store. The first page far down after the fill rebuilds the store's
     * position marks with one ordered scan (1.8 s idle, far more on a busy machine); how long rows take is the
     * quiet-machine bars' business, so this only waits for them.
     */
    private void shows(int index, String email) {
        Eventually.within(Duration.ofSeconds(90))
                .until(
                        "row " + index + " to fill in from the store",
                        () -> table.getItems().get(index).loaded());
        assertThat(table.getItems().get(index).email()).isEqualTo(email);
    }
}
