package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.ui.TextSize;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 16: at 145–200 % text the conflict kinds were cut off; the window is 1024x700. */
@ExtendWith(ApplicationExtension.class)
class ConflictKindsFitTest {
    @TempDir
    Path data;

    private ConflictsConsole running;

    @Start
    void start(Stage stage) {
        running = ConflictsConsole.afterARunNotFinding(stage, data, "gone@nowhere.example");
        running.open();
    }

    @AfterEach
    void close() {
        running.close();
    }

    @Test
    void everyConflictKindIsShownWholeAt1024x700AndEveryTextSizeUpTo200Percent(FxRobot robot) {
        for (int pixels : List.of(13, 19, 22, 26)) {
            robot.interact(() -> running.console.shell().textSizeProperty().set(new TextSize(pixels)));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds list = robot.lookup("#conflict-kinds")
                    .query()
                    .localToScene(robot.lookup("#conflict-kinds").query().getBoundsInLocal());
            // laid out from the page's top left, not centred past the window's top when taller than it
            assertThat(list.getMinY()).as("kinds list top at %d px", pixels).isGreaterThanOrEqualTo(0);
            assertThat(list.getMaxX())
                    .as("kinds list right edge at %d px", pixels)
                    .isLessThanOrEqualTo(running.scene.getWidth());
            for (ConflictKind kind : ConflictKind.values()) {
                ListCell<?> cell = robot.lookup("#kind-" + kind.key()).queryAs(ListCell.class);
                Text title = robot.from(cell)
                        .lookup((Node n) -> n instanceof Text && n.getParent() == cell)
                        .queryAs(Text.class);
                assertThat(title.getText()).as("%s at %d px", kind, pixels).isEqualTo(kind.title());
                assertInside(cell.getGraphic(), cell, kind + " count at " + pixels + " px");
                assertInside(cell, robot.lookup("#conflict-kinds").query(), kind + " at " + pixels + " px");
            }
            for (Node button : robot.lookup(".button").queryAll()) {
                if (button.getId() != null && button.getId().startsWith("action-") && button.isVisible()) {
                    // At large text the page scrolls down inside the window; no action may lie past its side.
                    Bounds in = button.localToScene(button.getBoundsInLocal());
                    assertThat(in.getMaxX())
                            .as(((Button) button).getText() + " at " + pixels + " px")
                            .isLessThanOrEqualTo(running.scene.getWidth() + 0.5);
                }
            }
        }
    }

    private static void assertInside(Node inner, Node outer, String what) {
        Bounds in = inner.localToScene(inner.getBoundsInLocal());
        Bounds out = outer.localToScene(outer.getBoundsInLocal());
        assertThat(in.getMinX()).as(what).isGreaterThanOrEqualTo(out.getMinX() - 0.5);
        assertThat(in.getMaxX()).as(what).isLessThanOrEqualTo(out.getMaxX() + 0.5);
        assertThat(in.getMinY()).as(what).isGreaterThanOrEqualTo(out.getMinY() - 0.5);
        assertThat(in.getMaxY()).as(what).isLessThanOrEqualTo(out.getMaxY() + 0.5);
    }
}
