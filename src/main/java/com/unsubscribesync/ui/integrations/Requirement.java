package com.unsubscribesync.ui.integrations;

import java.util.List;

/**
 * One of the three requirements for unsubscribes to reach Salesforce, as the checklist shows it.
 *
 * @param fixes what the admin can do about it, each a button; none when it is met
 */
public record Requirement(String title, boolean met, String detail, List<Fix> fixes) {

    public Requirement {
        fixes = fixes.stream().filter(fix -> fix != Fix.NONE).toList();
    }

    public Requirement(String title, boolean met, String detail, Fix fix) {
        this(title, met, detail, List.of(fix));
    }

    /** The first way to fix it, or {@link Fix#NONE}. */
    public Fix fix() {
        return fixes.isEmpty() ? Fix.NONE : fixes.get(0);
    }

    /** The ways to fix a requirement that is not met. */
    public enum Fix {
        ENABLE_NIGHTLY_SYNC("_Enable it"),
        OPEN_LAYOUT_STEPS("Open the _layout wizard"),
        SHOW_PEOPLE_WITHOUT_ID("Show _people without an ID"),
        /** The Marketo Sales Insight package is not there: how to install it. */
        INSTALL_PACKAGE("How to install the _package"),
        /** Sync to the standard Email Opt Out field instead of the package's. */
        USE_EMAIL_OPT_OUT("Use Email _Opt Out instead"),
        /** The field exists under another name: type it in the settings. */
        SET_FIELD_API_NAME("Set the field's API _name"),
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
