package com.unsubscribesync.ui;

import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers the window's size and the last screen in a small file in the data directory. */
public final class WindowMemory {
    private static final Logger LOG = LoggerFactory.getLogger(WindowMemory.class);
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    private final Path file;

    public WindowMemory(Path file) {
        this.file = file;
    }

    /** What was remembered, or the defaults. */
    public record Remembered(double width, double height, Screen screen, TextSize textSize) {
        /**
         * The same window shrunk to fit a screen of the given usable size: a remembered or default size larger
         * than a small laptop's screen would open with its sidebar and buttons off the edges.
         */
        public Remembered fittedTo(double screenWidth, double screenHeight) {
            return new Remembered(Math.min(width, screenWidth), Math.min(height, screenHeight), screen, textSize);
        }
    }

    public Remembered load() {
        Properties values = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Window settings in {} could not be read; using the defaults", file.getFileName(), e);
            }
        }
        return new Remembered(
                number(values, "width", DEFAULT_WIDTH),
                number(values, "height", DEFAULT_HEIGHT),
                screen(values.getProperty("screen")),
                textSize(values.getProperty("textSize")));
    }

    public void save(Remembered remembered) {
        Properties values = new Properties();
        values.setProperty("width", String.valueOf(Math.round(remembered.width())));
        values.setProperty("height", String.valueOf(Math.round(remembered.height())));
        values.setProperty("screen", remembered.screen().name());
        values.setProperty("textSize", String.valueOf(remembered.textSize().pixels()));
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            values.store(out, "Unsubscribe Sync console window");
            OwnerOnly.write(file, out.toByteArray());
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Window settings could not be saved to {}", file.getFileName(), e);
        }
    }

    private static double number(Properties values, String key, double fallback) {
        try {
            double value = Double.parseDouble(values.getProperty(key, String.valueOf(fallback)));
            return value >= 400 && value <= 10_000 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static TextSize textSize(String pixels) {
        try {
            return pixels == null ? TextSize.NORMAL : new TextSize(Integer.parseInt(pixels.strip()));
        } catch (NumberFormatException e) {
            return TextSize.NORMAL;
        }
    }

    private static Screen screen(String name) {
        for (Screen screen : Screen.values()) {
            if (screen.name().equals(name)) {
                return screen;
            }
        }
        return Screen.INTEGRATIONS;
    }
}
