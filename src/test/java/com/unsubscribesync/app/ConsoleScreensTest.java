package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.shell.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main interaction of every screen, through the real views, headless. */
class ConsoleScreensTest extends SeededConsoleTest {
    @Test
    void navigationShowsEveryScreenAndTheStatusBarTellsTheState(FxRobot robot) throws Exception {
        settle();
        assertThat(robot.lookup("#breadcrumb").queryAs(Label.class).getText())
                .isEqualTo("Settings › Admin Settings › Unsubscribes › Integrations");
        assertThat(robot.lookup("#demo-badge").query().isVisible()).isTrue();
        assertThat(robot.lookup("#status-outbox").queryAs(Label.class).getText())
                .endsWith("waiting");
        robot.clickOn("#nav-conflicts");
        settle();
        assertThat(robot.lookup("#breadcrumb").queryAs(Label.class).getText()).endsWith("› Conflicts");
        robot.clickOn("#nav-history");
        robot.clickOn("#nav-connection");
        settle();
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText())
                .isEqualTo("Connected to the demo org as admin@test.example");
        robot.clickOn("#nav-unsubscribes");
        robot.clickOn("Unsubscribes");
        settle();
        assertThat(running.console.shell().screenProperty().get()).isEqualTo(Screen.UNSUBSCRIBES);
    }

    @Test
    void integrationsSaveTheToggleAndTheFieldAtOnce(FxRobot robot) throws Exception {
        settle();
        robot.clickOn((Node) robot.lookup("#nightly-sync .thumb").query());
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> running.fixture.workspace.settings().load().nightlySync());
        robot.clickOn("#field-marketo-sales-opt-out");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> running.fixture.workspace.settings().load().field()
                        == com.unsubscribesync.domain.OptOutField.MARKETO_SALES_OPT_OUT);
        settle();
        assertThat(robot.lookup("#next-run").queryAs(Label.class).getText()).doesNotContain("off");
        robot.clickOn("Show people without an ID");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> running.dialogs.saw("list: People without a Salesforce ID"));
    }

    @Test
    void unsubscribesSearchAsYouTypeAndShowTheHistoryCard(FxRobot robot) throws Exception {
        robot.clickOn("#nav-unsubscribes");
        robot.clickOn("Unsubscribes");
        settle();
        javafx.scene.control.TextField search = robot.lookup("#search").queryAs(javafx.scene.control.TextField.class);
        for (String typed : new String[] {"p", "pers", "person0000", "person00001"}) {
            robot.interact(() -> search.setText(typed));
        }
        settle();
        assertThat(robot.lookup("#search")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEqualTo("person00001");
        assertThat(robot.lookup("#total").queryAs(Label.class).getText()).isEqualTo("3 matching \"person00001\"");
        TableView<?> table = robot.lookup("#unsubscribes").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        robot.interact(() -> table.getSelectionModel().select(0));
        ListView<?> history = robot.lookup("#history").queryAs(ListView.class);
        try {
            WaitForAsyncUtils.waitFor(
                    5, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "no history; selected "
                            + running.console.unsubscribes().selectedProperty().get() + " title "
                            + running.console
                                    .unsubscribes()
                                    .historyTitleProperty()
                                    .get() + " dialogs " + running.dialogs.shown,
                    e);
        }
    }

    @Test
    void conflictsLeaveTheListWhenDismissedAndAppearAsResolved(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conflicts");
        settle();
        robot.clickOn("Write rejected");
        settle();
        TableView<?> open = robot.lookup("#conflicts").queryAs(TableView.class);
        assertThat(open.getItems()).hasSize(2);
        Label detail = robot.lookup("#conflict-detail").queryAs(Label.class);
        assertThat(detail.isVisible())
                .as("an empty detail box above the buttons, with nothing selected")
                .isFalse();
        robot.clickOn("locked@example.com");
        settle();
        assertThat(detail.getText()).contains("UNABLE_TO_LOCK_ROW");
        assertThat(detail.isVisible()).isTrue();
        assertThat(statusCodeColumn(open).isVisible())
                .as("refused writes show Salesforce's status code")
                .isTrue();
        TableCell<?, ?> address = robot.lookup("#conflicts .table-cell")
                .match((TableCell<?, ?> cell) -> "locked@example.com".equals(cell.getText()))
                .query();
        assertThat(address.getTooltip())
                .as("a cell cut short at 1024 px can be read whole on hover")
                .isNotNull();
        assertThat(address.getTooltip().getText()).isEqualTo("locked@example.com");
        robot.clickOn("#action-dismiss");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> open.getItems().size() == 1);
        settle();
        assertThat(robot.lookup("#resolved").queryAs(TableView.class).getItems())
                .hasSize(1);
        robot.clickOn("Not in Salesforce");
        settle();
        assertThat(open.getItems()).isNotEmpty();
        assertThat(statusCodeColumn(open).isVisible())
                .as("a kind without status codes leaves the column out, so the addresses get its room")
                .isFalse();
    }

    private static TableColumn<?, ?> statusCodeColumn(TableView<?> table) {
        return table.getColumns().stream()
                .filter(column -> "status-code".equals(column.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void syncHistoryListsRunsWithAChartWhoseKeyNamesEachColour(FxRobot robot) throws Exception {
        robot.clickOn("#nav-history");
        settle();
        assertThat(robot.lookup("#runs").queryAs(TableView.class).getItems()).hasSize(2);
        BarChart<?, ?> chart = robot.lookup("#runs-chart").queryAs(BarChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(2);
        assertThat(robot.lookup("#runs-chart-key .label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly(
                        chart.getData().get(0).getName(), chart.getData().get(1).getName());
    }

    @Test
    void connectionLogInWithoutAClientIdSaysWhatIsMissing(FxRobot robot) throws Exception {
        robot.clickOn("#nav-connection");
        settle();
        robot.clickOn("#target-salesforce");
        robot.clickOn("#connect");
        settle();
        assertThat(running.dialogs.saw("error: Log in: Enter the Consumer Key")).isTrue();
    }

    @Test
    void connectionShowsTheCallbackUrlToRegisterAndCopiesItExactly(FxRobot robot) throws Exception {
        robot.clickOn("#nav-connection");
        settle();
        robot.clickOn("#target-salesforce");
        javafx.scene.control.TextField url =
                robot.lookup("#callback-url").queryAs(javafx.scene.control.TextField.class);
        assertThat(url.getText()).isEqualTo("http://localhost:27482/oauth/callback");
        assertThat(url.isEditable()).isFalse();
        assertThat((Object) robot.lookup("#client-secret").query())
                .isInstanceOf(javafx.scene.control.PasswordField.class);
        assertThat(robot.lookup("#no-browser").query().isVisible()).isFalse();

        robot.doubleClickOn("#callback-port").write("28111");
        settle();
        assertThat(url.getText()).isEqualTo("http://localhost:28111/oauth/callback");
        robot.clickOn("#copy-callback-url");
        settle();
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo("http://localhost:28111/oauth/callback");
    }

    @Test
    void everyScreenShowsItsKeyControlsAndRendersToAPicture(FxRobot robot) throws Exception {
        Path directory = Path.of("target", "screenshots");
        for (Screen screen : Screen.values()) {
            robot.interact(() -> running.console.shell().screenProperty().set(screen));
            settle();
            if (screen == Screen.UNSUBSCRIBES) {
                robot.clickOn("person000011@example.com");
                settle();
            }
            if (screen == Screen.CONFLICTS) {
                robot.clickOn("Write rejected");
                settle();
                robot.clickOn("locked@example.com");
                settle();
            }
            for (KeyControl control : KEY_CONTROLS.get(screen)) {
                control.assertShownIn(robot, running.scene, screen);
            }
            WritableImage picture = WaitForAsyncUtils.asyncFx(() -> running.scene.snapshot(null))
                    .get(5, TimeUnit.SECONDS);
            Bounds content = WaitForAsyncUtils.asyncFx(() -> {
                        Node viewport = robot.lookup("#screen-viewport").query();
                        return viewport.localToScene(viewport.getBoundsInLocal());
                    })
                    .get(5, TimeUnit.SECONDS);
            assertThat(Pictures.distinctColours(picture, content))
                    .as("%s: the main content is drawn, not one flat colour", screen)
                    .isGreaterThanOrEqualTo(8);
            Path file = directory.resolve(Screenshots.fileName(screen));
            Screenshots.write(picture, file);
            assertThat(file).as("the picture for people to look at").isNotEmptyFile();
        }
    }

    /** What the admin must find on each screen, in the state the test above leaves it. */
    private static final Map<Screen, List<KeyControl>> KEY_CONTROLS = Map.of(
            Screen.UNSUBSCRIBES,
            List.of(
                    KeyControl.enabled("#search"),
                    KeyControl.enabled("#unsubscribes"),
                    KeyControl.enabled("#add"),
                    KeyControl.enabled("#history"),
                    KeyControl.enabled("#export-history")),
            Screen.INTEGRATIONS,
            List.of(
                    KeyControl.enabled("#nightly-sync"),
                    KeyControl.enabled("#field-email-opt-out"),
                    KeyControl.enabled("#run-now"),
                    KeyControl.enabled("#next-run")),
            Screen.CONFLICTS,
            List.of(
                    KeyControl.enabled("#conflicts"),
                    KeyControl.enabled("#conflict-detail"),
                    KeyControl.enabled("#action-dismiss")),
            Screen.SYNC_HISTORY,
            List.of(
                    KeyControl.enabled("#runs"),
                    KeyControl.enabled("#runs-chart"),
                    KeyControl.enabled("#runs-chart-key")),
            Screen.CONNECTION,
            List.of(
                    KeyControl.enabled("#connection-state"),
                    KeyControl.enabled("#target-demo"),
                    KeyControl.enabled("#disconnect"),
                    KeyControl.disabled("#client-id")),
            Screen.LINKS_AND_KEYS,
            List.of(
                    KeyControl.enabled("#start-command"),
                    KeyControl.enabled("#copy-start-command"),
                    KeyControl.enabled("#key-name"),
                    KeyControl.enabled("#create-key"),
                    KeyControl.enabled("#api-keys"),
                    KeyControl.disabled("#revoke-key"),
                    KeyControl.enabled("#base-url"),
                    KeyControl.enabled("#link-email"),
                    KeyControl.enabled("#make-link"),
                    KeyControl.disabled("#copy-link-url")));

    /** A control by id: present, shown, wholly inside the window, and enabled or not as the screen's state says. */
    private record KeyControl(String query, boolean enabled) {
        static KeyControl enabled(String query) {
            return new KeyControl(query, true);
        }

        static KeyControl disabled(String query) {
            return new KeyControl(query, false);
        }

        void assertShownIn(FxRobot robot, Scene scene, Screen screen) throws Exception {
            Node node = robot.lookup(query).query();
            assertThat(node).as("%s has %s", screen, query).isNotNull();
            String where = screen + " " + query;
            assertThat(node.isDisabled()).as("%s enabled", where).isEqualTo(!enabled);
            assertThat(WaitForAsyncUtils.asyncFx(() -> shown(node)).get(5, TimeUnit.SECONDS))
                    .as("%s visible with every container above it", where)
                    .isTrue();
            Bounds bounds = WaitForAsyncUtils.asyncFx(() -> node.localToScene(node.getBoundsInLocal()))
                    .get(5, TimeUnit.SECONDS);
            assertThat(bounds.getWidth() * bounds.getHeight())
                    .as("%s has a size", where)
                    .isPositive();
            assertThat(new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()).contains(bounds))
                    .as("%s at %s lies inside the %sx%s window", where, bounds, scene.getWidth(), scene.getHeight())
                    .isTrue();
        }

        private static boolean shown(Node node) {
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible() || n.getOpacity() == 0) {
                    return false;
                }
            }
            return node.getScene() != null;
        }
    }

    static Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}
