package com.unsubscribesync.tour;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.app.ConsoleApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console in a real window (GTK on an X display, not Monocle), walked along the whole admin path at
 * normal and at double text, a screenshot of the screen after every step in {@code target/screenshots/}.
 * Run it with {@code scripts/tour} (or {@code mvn -B -Ptour test} on a display of 1024x700).
 */
@Tag("tour")
// A whole admin path in a real window, each step waiting for the screen as an admin would: minutes, not seconds.
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPathTourTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    @Order(1)
    void theWholeAdminPathWorksWithNothingCutOffAtNormalText() throws Exception {
        walk(100);
    }

    @Test
    @Order(2)
    void theWholeAdminPathWorksWithNothingCutOffAtDoubleText() throws Exception {
        walk(Integer.getInteger("tour.largeText", 200));
    }

    private void walk(int percent) throws Exception {
        assertThat(System.getenv("DISPLAY"))
                .as("the tour needs an X display: run scripts/tour")
                .isNotBlank();
        assertThat(System.getProperty("glass.platform"))
                .as("the tour drives a real window, not Monocle")
                .isEqualTo("gtk");
        Path data = Files.createTempDirectory("tour-data-");
        Path files = Files.createTempDirectory("tour-files-");
        Path csv = files.resolve("unsubscribes.csv");
        // As a spreadsheet in Europe saves it: ";" between fields and headers of its own, for the column step.
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        "Email Address;Source;Comment",
                        "tour.import.one@example.com;manual;Asked at a trade show",
                        "tour.import.two@example.com;bounce;",
                        "not-an-address;manual;",
                        "tour.import.three@example.com;clicked-link;"),
                StandardCharsets.UTF_8);
        Stage stage = FxToolkit.registerPrimaryStage();
        Rectangle2D screen =
                WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getBounds()).get(10, TimeUnit.SECONDS);
        String prefix = String.format("%.0fx%.0f-%dpct", screen.getWidth(), screen.getHeight(), percent);
        forget(prefix);
        Application console = FxToolkit.setupApplication(ConsoleApplication.class, "--data-dir", data.toString());
        Tour tour = new Tour(stage, SHOTS, prefix, screen);
        long started = System.nanoTime();
        try {
            tour.walk(AdminPath.steps(percent, csv, Boolean.getBoolean("tour.everyConflictKind")));
        } finally {
            close(stage, console);
            System.out.printf(
                    "tour %s: %d screenshots in %d s in %s%n",
                    prefix,
                    tour.screenshots().size(),
                    (System.nanoTime() - started) / 1_000_000_000,
                    SHOTS.resolve(prefix + "-tour.txt"));
            tour.skipped().forEach(s -> System.out.println("  skipped " + s));
        }
        String log = Files.exists(data.resolve("unsubscribe-sync.log"))
                ? Files.readString(data.resolve("unsubscribe-sync.log"))
                : "";
        // Kept beside the screenshots, so that an error's stack trace can be read after the tour.
        Files.writeString(SHOTS.resolve(prefix + "-console.log"), log);
        delete(data);
        delete(files);
        assertThat(log.lines().filter(line -> line.contains(" ERROR ")).toList())
                .as("errors the console logged during the tour")
                .isEmpty();
        if (!"report".equals(System.getProperty("tour.cutOff"))) {
            assertThat(tour.seriousOffenders())
                    .as(
                            "cut off or pushed out of the window at %s (each step's list is " + "in %s)",
                            prefix, SHOTS.resolve(prefix + "-tour.txt"))
                    .isEmpty();
        }
    }

    /** Closes the console's dialogs and window and stops it, as quitting would. */
    private static void close(Stage stage, Application console) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    for (Window window : List.copyOf(Window.getWindows())) {
                        if (window != stage) {
                            window.hide();
                        }
                    }
                    stage.hide();
                })
                .get(10, TimeUnit.SECONDS);
        FxToolkit.cleanupApplication(console);
    }

    /** Screenshots of an earlier tour at this size go, so none is mistaken for this one's. */
    private static void forget(String prefix) throws IOException {
        Files.createDirectories(SHOTS);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(SHOTS, prefix + "-*")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
