package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.testing.ShortenedText;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.TextSize;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Everything the admin does can be done without a mouse, and the text grows without being cut off. */
class ConsoleKeyboardTest extends SeededConsoleTest {
    private static KeyCodeCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    @Test
    void everyScreenOpensFromItsShortcut(FxRobot robot) {
        settle();
        Set<String> reached = new LinkedHashSet<>();
        for (KeyCode digit : List.of(
                KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6)) {
            robot.push(shortcut(digit));
            WaitForAsyncUtils.waitForFxEvents();
            reached.add(running.console.shell().screenProperty().get().navigation());
        }
        Set<String> destinations = new LinkedHashSet<>();
        for (Screen screen : Screen.values()) {
            destinations.add(screen.navigation());
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(destinations);
    }

    @Test
    void buttonsFireFromTheirMnemonics(FxRobot robot) {
        settle();
        robot.interact(() -> running.console.shell().screenProperty().set(Screen.UNSUBSCRIBES));
        settle();
        robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.ALT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.dialogs.saw("ask: new unsubscribe")).isTrue();

        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.ALT_DOWN));
        robot.write("person000001@");
        settle();
        assertThat(running.console.unsubscribes().rows()).hasSize(1);
    }

    @Test
    void tabWalksTheIntegrationsScreenInReadingOrder(FxRobot robot) {
        settle();
        robot.interact(() -> robot.lookup("#nightly-sync").query().requestFocus());
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Node focused = running.scene.getFocusOwner();
            if (focused != null && focused.getId() != null && !visited.contains(focused.getId())) {
                visited.add(focused.getId());
            }
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(visited)
                .containsSubsequence(
                        "nightly-sync", "run-now", "preview", "field-email-opt-out", "fix-enable-nightly-sync");
    }

    @Test
    void textGrowsFromTheKeyboardAndNothingIsCutOff(FxRobot robot) {
        settle();
        for (int i = 0; i < 3; i++) {
            robot.push(shortcut(KeyCode.EQUALS));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.console.shell().textSizeProperty().get()).isEqualTo(new TextSize(16));
        for (Screen screen : Screen.values()) {
            robot.interact(() -> running.console.shell().screenProperty().set(screen));
            settle();
            Labeled breadcrumb = robot.lookup("#breadcrumb").query();
            assertThat(breadcrumb.getFont().getSize())
                    .as("breadcrumb font on %s", screen)
                    .isEqualTo(16);
            assertThat(ShortenedText.under(running.scene.getRoot()))
                    .as("labels cut off on %s at 16 px", screen)
                    .isEmpty();
        }
        robot.push(shortcut(KeyCode.DIGIT0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.console.shell().textSizeProperty().get()).isEqualTo(TextSize.NORMAL);
    }
}
