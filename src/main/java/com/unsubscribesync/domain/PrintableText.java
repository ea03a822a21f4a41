package com.unsubscribesync.domain;

/**
 * Text made safe to show on one line of a terminal or a log: control characters (line breaks, escape sequences,
 * NUL) are written as visible escapes, so a value from a file cannot break a line or drive the terminal.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String of(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
