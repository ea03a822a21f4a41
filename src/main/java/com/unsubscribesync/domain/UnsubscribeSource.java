package com.unsubscribesync.domain;

import java.util.Locale;

/** Where an unsubscribe came from, with the label admins know from the product. */
public enum UnsubscribeSource {
    CLICKED_LINK("Clicked Link"),
    MANUAL("Manual"),
    IMPORT("Import"),
    BOUNCE("Bounce"),
    SALESFORCE_SYNC("Salesforce Sync");

    private final String label;

    UnsubscribeSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The command-line spelling, e.g. {@code clicked-link}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts the key ({@code clicked-link}), the label ({@code Clicked Link}) or the constant name. */
    public static UnsubscribeSource parse(String text) {
        String wanted = text == null ? "" : text.strip();
        for (UnsubscribeSource source : values()) {
            if (source.key().equalsIgnoreCase(wanted)
                    || source.label.equalsIgnoreCase(wanted)
                    || source.name().equalsIgnoreCase(wanted)) {
                return source;
            }
        }
        throw new InvalidInputException(
                "source '" + wanted + "' is unknown: use one of manual, clicked-link, import, bounce, salesforce-sync");
    }
}
