package com.unsubscribesync.ui.integrations;

/**
 * One of the three requirements for unsubscribes to reach Salesforce, as the checklist shows it.
 *
 * @param fix what the admin can do about it, and the button's words
 */
public record Requirement(String title, boolean met, String detail, Fix fix) {

    /** The ways to fix a requirement that is not met. */
    public enum Fix {
        ENABLE_NIGHTLY_SYNC("_Enable it"),
        OPEN_LAYOUT_STEPS("Open the _layout wizard"),
        SHOW_PEOPLE_WITHOUT_ID("Show _people without an ID"),
        NONE("");

        private final String label;

        Fix(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
