package com.unsubscribesync.domain;

/**
 * Text made safe to show on one line of a terminal or a log: control characters (line breaks, escape sequences,
 * NUL) and invisible ones (zero-width spaces, bidirectional controls, the byte-order mark) are written as visible
 * escapes, so a value from a file cannot break a line, drive the terminal or hide part of itself.
 */
public final class PrintableText {
    private PrintableText() {}

    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(PrintableText::escaped)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (escaped(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean escaped(int c) {
        return Character.isISOControl(c) || Characters.isInvisible(c);
    }
}
