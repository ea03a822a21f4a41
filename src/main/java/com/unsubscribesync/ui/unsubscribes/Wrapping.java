package com.unsubscribesync.ui.unsubscribes;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Line breaks for an address in a narrow card. JavaFX wraps only at spaces and cuts a longer word at any letter, so
 * a word wider than the line is broken here after its {@code @}, dots, hyphens or underscores instead.
 */
final class Wrapping {
    private Wrapping() {}

    /** The text with a line break wherever a word would not fit {@code width} in {@code font}. */
    static String fit(String text, Font font, double width) {
        if (width <= 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        String line = "";
        for (String word : text.split(" ")) {
            for (String piece : width(word, font) <= width ? List.of(word) : pieces(word, font, width)) {
                String joined = line + piece;
                if (!line.isEmpty() && width(joined, font) > width) {
                    out.append(line.stripTrailing()).append('\n');
                    line = piece;
                } else {
                    line = joined;
                }
            }
            line += " ";
        }
        return out.append(line.stripTrailing()).toString();
    }

    /** The word whole, or cut after its {@code @} first and then after dots, hyphens or underscores, as needed. */
    private static List<String> pieces(String word, Font font, double width) {
        List<String> pieces = new ArrayList<>();
        for (String part : cut(word, "@")) {
            pieces.addAll(width(part, font) <= width ? List.of(part) : cut(part, ".-_"));
        }
        return pieces;
    }

    private static List<String> cut(String word, String after) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < word.length() - 1; i++) {
            if (after.indexOf(word.charAt(i)) >= 0) {
                pieces.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(word.substring(start));
        return pieces;
    }

    private static double width(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
