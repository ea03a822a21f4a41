package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.TextSize;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The shortcuts README promises: Ctrl+1 … Ctrl+5 one screen each, Ctrl + with any plus key, text up to 200 %. */
class ShellShortcutsTest extends SeededConsoleTest {
    @Test
    void ctrlOneToFiveEachOpenTheirOwnScreenInTheOrderOfTheNavigation(FxRobot robot) throws Exception {
        SeededConsole.settle();
        List<KeyCode> digits = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5);
        for (int round = 0; round < 2; round++) {
            for (int i = digits.size() - 1; i >= 0; i--) {
                Screen expected = Screen.values()[i];
                robot.push(KeyCode.SHORTCUT, digits.get(i));
                WaitForAsyncUtils.waitFor(
                        5,
                        TimeUnit.SECONDS,
                        () -> running.console.shell().screenProperty().get() == expected);
                assertThat(robot.lookup("#breadcrumb").queryAs(Labeled.class).getText())
                        .isEqualTo(expected.breadcrumb());
            }
        }
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> running.console.shell().screenProperty().get() == Screen.CONNECTION);
        assertThat(robot.lookup("#connection-state").query().isVisible()).isTrue();
    }

    @Test
    void ctrlPlusEnlargesWithShiftEqualsWithTheKeypadPlusAndWithEqualsAlone(FxRobot robot) {
        SeededConsole.settle();
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(size()).as("Ctrl+Shift+=").isEqualTo(14);
        robot.push(KeyCode.SHORTCUT, KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(size()).as("Ctrl and the keypad +").isEqualTo(15);
        robot.push(KeyCode.SHORTCUT, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(size()).as("Ctrl+=").isEqualTo(16);
        robot.push(KeyCode.SHORTCUT, KeyCode.SUBTRACT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(size()).as("Ctrl and the keypad −").isEqualTo(15);
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.console.shell().textSizeProperty().get()).isEqualTo(TextSize.NORMAL);
    }

    @Test
    void textGrowsToTwiceTheNormalSizeAndNoFurther(FxRobot robot) {
        SeededConsole.settle();
        for (int i = 0; i < 12; i++) {
            robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.EQUALS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.console.shell().textSizeProperty().get().percent()).isEqualTo(200);
        assertThat(robot.lookup("#text-size").queryAs(Labeled.class).getText()).isEqualTo("Text 200 %");
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT0);
    }

    private int size() {
        return running.console.shell().textSizeProperty().get().pixels();
    }
}
