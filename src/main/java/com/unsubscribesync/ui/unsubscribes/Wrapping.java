package com.unsubscribesync.ui.unsubscribes;

/**
 * Where a long address may break in a narrow card: after its {@code @}, dots, hyphens and underscores, by putting
 * a zero-width space there. JavaFX otherwise breaks a word too long for the line at any letter.
 */
final class Wrapping {
    private static final char BREAK = '\u200b';

    private Wrapping() {
    }

    static String atBreaks(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if ((c == '@' || c == '.' || c == '-' || c == '_') && i + 1 < text.length()
                    && !Character.isWhitespace(text.charAt(i + 1))) {
                out.append(BREAK);
            }
        }
        return out.toString();
    }
}
