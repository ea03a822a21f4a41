package com.unsubscribesync.ui.shell;

import com.unsubscribesync.ui.Screen;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** Renders each screen of the console to a PNG with {@code Scene.snapshot} (no javafx-swing needed). */
public final class Screenshots {
    private Screenshots() {}

    public static String fileName(Screen screen) {
        return screen.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".png";
    }

    /** Shows every screen in turn, waits for its data to arrive, and writes it; then runs {@code done}. */
    public static void takeAll(Console console, Scene scene, Path directory, Duration settle, Runnable done) {
        Deque<Screen> left = new ArrayDeque<>(List.of(Screen.values()));
        step(console, scene, directory, settle, left, done);
    }

    private static void step(
            Console console, Scene scene, Path directory, Duration settle, Deque<Screen> left, Runnable done) {
        if (left.isEmpty()) {
            done.run();
            return;
        }
        Screen screen = left.poll();
        console.shell().screenProperty().set(screen);
        PauseTransition wait = new PauseTransition(settle);
        wait.setOnFinished(e -> {
            write(scene.snapshot(null), directory.resolve(fileName(screen)));
            step(console, scene, directory, settle, left, done);
        });
        wait.play();
    }

    public static void write(Image image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("The screenshot " + file + " could not be written", e);
        }
    }
}
