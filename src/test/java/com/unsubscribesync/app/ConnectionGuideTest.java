package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.FixedConnection;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.connection.ConnectGuide;
import com.unsubscribesync.usecase.OrgState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Connecting a real org from the Connection screen: the guide to the External Client App, the demo org not offered
 * twice, and one name for the Salesforce screen in every text.
 */
class ConnectionGuideTest extends WelcomedConsoleTest {
    private void openOnConnection(FxRobot robot, OrgState org) throws Exception {
        openWelcomed(robot, org);
        robot.clickOn("#welcome-dismiss");
        robot.clickOn("#nav-connection");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#connection-state")
                        .queryAs(Labeled.class)
                        .getText()
                        .startsWith("Checking"));
    }

    @Test
    void howToConnectARealOrgShowsTheStepsWithTheCallbackUrlInsteadOfTheWelcome(FxRobot robot) throws Exception {
        openOnConnection(robot, FixedConnection.demo());
        assertThat(visible(robot, "#connect-guide")).isFalse();

        robot.clickOn("#how-to-connect");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#welcome")).isFalse();
        assertThat(visible(robot, "#connect-guide")).isTrue();
        Node guide = robot.lookup("#connect-guide").query();
        Node page = guide;
        while (!(page instanceof com.unsubscribesync.ui.connection.ConnectionView)) {
            page = page.getParent();
        }
        Node screen = page;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            double top = guide.localToScene(guide.getLayoutBounds()).getMinY();
            javafx.geometry.Bounds shown = screen.localToScene(screen.getLayoutBounds());
            return top >= shown.getMinY() - 1 && top < shown.getMinY() + shown.getHeight() / 2;
        });
        assertThat(running.console.shell().screenProperty().get()).isEqualTo(Screen.CONNECTION);
        assertThat(guideText(robot))
                .contains(
                        "Setup › External Client App Manager",
                        "New External Client App",
                        "Callback URL",
                        "Consumer Key",
                        "Client ID");
        assertThat(robot.lookup("#guide-callback-url").queryAs(TextField.class).getText())
                .isEqualTo(
                        robot.lookup("#callback-url").queryAs(TextField.class).getText())
                .isEqualTo("http://localhost:27482/oauth/callback");
        assertThat(robot.lookup("#guide-copy-callback-url").query().isDisabled())
                .isFalse();

        robot.clickOn("#guide-to-client-id");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#target-salesforce").queryAs(RadioButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#client-id").query().isFocused()).isTrue();

        robot.clickOn("#guide-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#connect-guide")).isFalse();
    }

    @Test
    void theGuideIsBroughtIntoViewWhereverThePageWasScrolled(FxRobot robot) throws Exception {
        openOnConnection(robot, FixedConnection.demo());
        com.unsubscribesync.ui.connection.ConnectionView screen = robot.lookup(
                        (Node node) -> node instanceof com.unsubscribesync.ui.connection.ConnectionView)
                .query();
        robot.interact(() -> screen.setVvalue(1));
        robot.interact(() -> robot.lookup("#how-to-connect")
                .queryAs(javafx.scene.control.Hyperlink.class)
                .fire());
        Node guide = robot.lookup("#connect-guide").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            double top = guide.localToScene(guide.getLayoutBounds()).getMinY();
            javafx.geometry.Bounds shown = screen.localToScene(screen.getLayoutBounds());
            return top >= shown.getMinY() - 1 && top < shown.getMinY() + shown.getHeight() / 2;
        });
    }

    @Test
    void theWelcomesWayToARealOrgOpensConnectionWithTheGuide(FxRobot robot) throws Exception {
        openWelcomed(robot, FixedConnection.demo());
        robot.clickOn("#welcome-connect");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#welcome")).isFalse();
        assertThat(running.console.shell().screenProperty().get()).isEqualTo(Screen.CONNECTION);
        assertThat(visible(robot, "#connect-guide")).isTrue();
    }

    @Test
    void connectTheDemoOrgIsNotOfferedWhileConnectedToIt(FxRobot robot) throws Exception {
        openOnConnection(robot, FixedConnection.none());
        assertThat(robot.lookup("#target-demo").queryAs(RadioButton.class).isSelected())
                .isTrue();
        assertThat(visible(robot, "#connect")).isTrue();
        assertThat(robot.lookup("#connect").queryAs(Labeled.class).getText()).isEqualTo("Connect the _demo org");

        robot.clickOn("#connect");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#connection-state")
                        .queryAs(Labeled.class)
                        .getText()
                        .startsWith("Connected to"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#connect")).isFalse();
        assertThat(visible(robot, "#disconnect")).isTrue();

        // Connected, the state card grows and may push the choice below the test window's edge, where the robot
        // cannot click: chosen as the keyboard would.
        RadioButton salesforce = robot.lookup("#target-salesforce").queryAs(RadioButton.class);
        robot.interact(salesforce::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#connect")).isTrue();
        assertThat(robot.lookup("#connect").queryAs(Labeled.class).getText()).isEqualTo("_Log in in the browser");
    }

    @Test
    void theEmptyClientIdMessageNamesTheSameSalesforceScreenAsTheWelcome(FxRobot robot) throws Exception {
        openWelcomed(robot, FixedConnection.none());
        String welcome = texts(robot, "#welcome");
        robot.clickOn("#welcome-dismiss");
        robot.clickOn("#nav-connection");
        robot.clickOn("#target-salesforce");
        robot.clickOn("#connect");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !running.dialogs.shown.isEmpty());
        String message = running.dialogs.shown.get(0);
        for (String text : List.of(welcome, message)) {
            assertThat(text).contains(ConnectGuide.CREATE_WHERE);
            assertThat(text.replace("External Client App Manager", ""))
                    .doesNotContain("App Manager")
                    .doesNotContainIgnoringCase("connected app");
        }
        assertThat(message).contains("Consumer Key", "Client ID");
        assertThat(visible(robot, "#connect-guide")).isTrue();
    }

    private static boolean visible(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String guideText(FxRobot robot) {
        return texts(robot, "#connect-guide");
    }

    private static String texts(FxRobot robot, String id) {
        Predicate<Node> labeled = node -> node instanceof Labeled;
        return String.join(
                "\n",
                robot.from(robot.lookup(id).<Node>query()).lookup(labeled).queryAllAs(Labeled.class).stream()
                        .map(Labeled::getText)
                        .toList());
    }
}
