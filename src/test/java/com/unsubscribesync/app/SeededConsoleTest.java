package com.unsubscribesync.app;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** Tests of the console on the small seeded org, a fresh one shown in the TestFX stage for each test. */
@ExtendWith(ApplicationExtension.class)
abstract class SeededConsoleTest {
    @TempDir
    static Path data;

    SeededConsole running;

    /** TestFX calls only the test class's own {@code @Start} methods, so the stage is set up here instead. */
    @BeforeEach
    void show() throws Exception {
        FxToolkit.setupStage(stage -> running = new SeededConsole(stage, data));
    }

    @AfterEach
    void close() throws Exception {
        running.close();
    }

    static void settle() {
        SeededConsole.settle();
    }
}
