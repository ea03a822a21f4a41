package com.unsubscribesync.app;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks on a page that scrolls, as an admin does: scroll the control into sight first, then click it. */
final class PageRobot {
    private PageRobot() {}

    static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> scrollTo(node));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the text of a text field by typing, as an admin does. */
    static void type(FxRobot robot, String query, String text) {
        click(robot, query);
        robot.interact(() ->
                ((javafx.scene.control.TextInputControl) robot.lookup(query).query()).selectAll());
        if (text.isEmpty()) {
            robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void scrollTo(Node node) {
        Parent parent = node.getParent();
        while (parent != null && !(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        if (parent instanceof ScrollPane scroll && scroll.getContent() != null) {
            scroll.layout();
            Bounds content = scroll.getContent().getLayoutBounds();
            Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
            double room = content.getHeight() - scroll.getViewportBounds().getHeight();
            if (room > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 40) / room)));
                scroll.layout();
            }
        }
    }
}
