package com.unsubscribesync.domain;

import java.util.Optional;

/**
 * The one check for text people write about an unsubscribe — a reason, a first or last name — wherever it comes in:
 * trimmed, at most so long, line breaks and tabs allowed, other control characters refused, and so are the
 * characters that change the direction text is shown in (so a reason cannot read differently from what it says).
 */
public final class FreeText {
    /** Reasons of unsubscribes, resubscribes and conflict decisions: the store keeps this many characters. */
    public static final int MAX_REASON = 1000;

    public static final int MAX_NAME = 200;

    private FreeText() {}

    /**
     * @param what how the person knows the field, for the message: {@code reason}, {@code --reason}
     * @return the trimmed text; empty when it is missing or blank
     */
    public static Optional<String> reason(String what, String raw) {
        return check(what, raw, MAX_REASON);
    }

    public static Optional<String> name(String what, String raw) {
        return check(what, raw, MAX_NAME);
    }

    private static Optional<String> check(String what, String raw, int most) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.length() > most) {
            throw new InvalidInputException(what + " is " + text.length() + " characters long; the most it can have is "
                    + most + ": shorten it");
        }
        int control = Characters.firstControl(text, "\n\r\t");
        if (control >= 0) {
            throw new InvalidInputException(what + " contains a control character ("
                    + PrintableText.of(String.valueOf(text.charAt(control))) + "): remove it");
        }
        int direction = Characters.firstDirectionControl(text);
        if (direction >= 0) {
            throw new InvalidInputException(what + " contains an invisible character (" + Characters.describe(direction)
                    + ") that changes how the text is shown: remove it");
        }
        return Optional.of(text);
    }
}
