package com.unsubscribesync.domain;

/** Which Salesforce checkbox the nightly sync writes. */
public enum OptOutField {
    /** The standard Email Opt Out field, selected by default. */
    EMAIL_OPT_OUT("email-opt-out", "Sync to Salesforce Opt Out field"),
    /** The custom field of the Marketo Sales Insight package, found by its label. */
    MARKETO_SALES_OPT_OUT("marketo-sales-opt-out", "Sync to Marketo Sales Opt Out field");

    public static final String EMAIL_OPT_OUT_API_NAME = "HasOptedOutOfEmail";
    public static final String MARKETO_SALES_OPT_OUT_LABEL = "Marketo Sales Opt Out";

    private final String key;
    private final String label;

    OptOutField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static OptOutField parse(String text) {
        for (OptOutField field : values()) {
            if (field.key.equalsIgnoreCase(text.strip())) {
                return field;
            }
        }
        throw new InvalidInputException("field '" + text + "' is unknown: use email-opt-out or marketo-sales-opt-out");
    }
}
