package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A window remembered (or defaulted) larger than the screen opens shrunk to the screen, never off its edges. */
class WindowFitsTheScreenTest {
    private final WindowMemory.Remembered defaults = new WindowMemory.Remembered(
            WindowMemory.DEFAULT_WIDTH, WindowMemory.DEFAULT_HEIGHT, Screen.CONFLICTS, new TextSize(16));

    @Test
    void theDefaultWindowShrinksToASmallLaptopScreen() {
        WindowMemory.Remembered fitted = defaults.fittedTo(1024, 700);

        assertThat(fitted.width()).isEqualTo(1024);
        assertThat(fitted.height()).isEqualTo(700);
        assertThat(fitted.screen()).isEqualTo(Screen.CONFLICTS);
        assertThat(fitted.textSize()).isEqualTo(new TextSize(16));
    }

    @Test
    void aWindowThatFitsKeepsItsSize() {
        assertThat(defaults.fittedTo(1920, 1080)).isEqualTo(defaults);
    }
}
