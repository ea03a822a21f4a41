package com.unsubscribesync.domain;

/**
 * Which characters an address or a free text may not hold: control characters, and characters that show nothing —
 * zero-width spaces and joiners, the byte-order mark, the soft hyphen, bidirectional controls, variation selectors,
 * Hangul fillers — with which two addresses that look the same are two different keys.
 */
final class Characters {
    private Characters() {}

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first control character not among {@code allowed}, or -1. */
    static int firstControl(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && allowed.indexOf(c) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first invisible code point, or -1. */
    static int firstInvisible(String text) {
        return isAscii(text)
                ? -1
                : text.codePoints().filter(Characters::isInvisible).findFirst().orElse(-1);
    }

    /** The first code point that changes the direction text is shown in, or the byte-order mark, or -1. */
    static int firstDirectionControl(String text) {
        return isAscii(text)
                ? -1
                : text.codePoints()
                        .filter(Characters::isDirectionControlOrMark)
                        .findFirst()
                        .orElse(-1);
    }

    static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT // zero-width space/joiners, BOM, soft hyphen, bidi, tags
                || Character.getType(c) == Character.SURROGATE // half a character: not text at all
                || c == 0x034F // combining grapheme joiner
                || c >= 0x180B && c <= 0x180F // Mongolian variation selectors
                || c >= 0xFE00 && c <= 0xFE0F
                || c >= 0xE0100 && c <= 0xE01EF // variation selectors
                || c == 0x115F
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0; // Hangul fillers
    }

    static boolean isDirectionControlOrMark(int c) {
        return c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069
                || c == 0xFEFF
                || Character.getType(c) == Character.SURROGATE;
    }

    /** U+200B ZERO WIDTH SPACE, for a message. */
    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format("U+%04X%s", codePoint, name == null ? "" : " " + name.toLowerCase(java.util.Locale.ROOT));
    }
}
