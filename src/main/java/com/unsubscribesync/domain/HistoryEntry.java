package com.unsubscribesync.domain;

import java.time.Instant;
import java.util.Optional;

/** One line of a person's unsubscribe history card; history is append-only. */
public record HistoryEntry(
        Email email, Instant at, Action action, UnsubscribeSource source, String actor, Optional<String> reason) {

    public enum Action {
        UNSUBSCRIBE("Unsubscribe"),
        RESUBSCRIBE("Resubscribe"),
        /** The admin's confirmed second step of a resubscribe: the opt-out was set to false in Salesforce. */
        UNCHECKED_IN_SALESFORCE("Unchecked in Salesforce");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
