package com.unsubscribesync.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/** The console's icons: single-path SVG files from assets/icons, drawn as shapes that take the text colour. */
public final class Icons {
    private static final Pattern PATH = Pattern.compile("\\sd=\"([^\"]+)\"");

    private Icons() {}

    /** An icon sized for buttons and lists; {@code name} is the file name without ".svg". */
    public static Node of(String name) {
        return of(name, 16);
    }

    public static Node of(String name, double size) {
        SVGPath path = new SVGPath();
        path.setContent(pathOf(name));
        path.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        Region icon = new Region();
        icon.setShape(path);
        icon.setMinSize(size, size);
        icon.setPrefSize(size, size);
        icon.setMaxSize(size, size);
        icon.getStyleClass().addAll("icon", "icon-" + name);
        return icon;
    }

    static String pathOf(String name) {
        try (InputStream in = Icons.class.getResourceAsStream("icons/" + name + ".svg")) {
            if (in == null) {
                throw new IllegalArgumentException("no icon " + name + " in assets/icons");
            }
            Matcher matcher = PATH.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!matcher.find()) {
                throw new IllegalArgumentException("icon " + name + " has no path");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
