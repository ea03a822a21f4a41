package com.unsubscribesync.ui;

import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * What the console says when background work fails: the app's own exceptions and refused input speak to the admin
 * in their message; anything else is named, its details left to the log file.
 */
public final class Failures {
    private Failures() {}

    /** Shows each failure in an error dialog with the screen's title. */
    public static Consumer<Throwable> shownIn(DialogService dialogs, String title) {
        return e -> dialogs.error(title, sentence(e));
    }

    public static String sentence(Throwable e) {
        if (e instanceof UncheckedIOException) {
            return "The file could not be written (" + e.getMessage() + "): choose another folder and try again.";
        }
        boolean said = e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e.getClass().getName().startsWith("com.unsubscribesync.");
        return said && e.getMessage() != null
                ? e.getMessage()
                : "Something went wrong (" + e.getClass().getSimpleName() + "). Details are in the log file.";
    }

    /** A refusal's message as a sentence under a field: "Email is empty." */
    public static String asSentence(String message) {
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
