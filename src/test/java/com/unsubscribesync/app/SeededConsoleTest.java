package com.unsubscribesync.app;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tests of the console on the small seeded org, a fresh one shown in the TestFX stage for each test. */
@ExtendWith(ApplicationExtension.class)
abstract class SeededConsoleTest {
    @TempDir
    static Path data;

    SeededConsole running;

    @Start
    void start(Stage stage) {
        running = new SeededConsole(stage, data);
    }

    @AfterEach
    void close() throws Exception {
        running.close();
    }

    static void settle() {
        SeededConsole.settle();
    }
}
