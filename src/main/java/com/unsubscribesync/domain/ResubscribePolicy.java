package com.unsubscribesync.domain;

/** What the nightly run does when Salesforce unchecked the opt-out of someone still unsubscribed here. */
public enum ResubscribePolicy {
    /** Check it again (an opt-out on either side wins), as the product document says. */
    REAPPLY("reapply"),
    /** Leave the record alone and ask an admin in the conflict inbox. */
    HOLD("hold");

    private final String key;

    ResubscribePolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ResubscribePolicy parse(String text) {
        for (ResubscribePolicy policy : values()) {
            if (policy.key.equalsIgnoreCase(text.strip())) {
                return policy;
            }
        }
        throw new InvalidInputException("resubscribe policy '" + text + "' is unknown: use reapply or hold");
    }
}
