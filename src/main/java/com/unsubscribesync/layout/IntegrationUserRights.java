package com.unsubscribesync.layout;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rights the Salesforce user the app connects as (the integration user) needs, each granted, missing, or not
 * known yet because a right it depends on is missing; a missing right carries the sentence to send the Salesforce
 * admin. Made by {@link UserRightsCheck}.
 *
 * @param userName the integration user's username; empty when Salesforce would not say (no API access)
 */
public record IntegrationUserRights(Optional<String> userName, List<Right> rights) {

    public IntegrationUserRights {
        rights = List.copyOf(rights);
    }

    /** What the app needs the user to have, in the order the checklist shows. */
    public enum Need {
        /** Without it Salesforce refuses every call. */
        API_ENABLED("apiEnabled"),
        EDIT_LEADS("editLeads"),
        EDIT_CONTACTS("editContacts"),
        /** Edit access to the chosen opt-out field on Lead and Contact (field-level security). */
        EDIT_FIELD("editField"),
        /** Customize Application and Modify Metadata (or Modify All Data), only for "Add it for me" (ADR 0017). */
        MODIFY_METADATA("modifyMetadata");

        private final String key;

        Need(String key) {
            this.key = key;
        }

        /** The name in {@code status --json}. */
        public String key() {
            return key;
        }
    }

    public enum Status {
        GRANTED,
        MISSING,
        UNKNOWN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param title    the right in the admin's words, e.g. "Edit on Leads"
     * @param askAdmin present when missing: what to ask the Salesforce admin, with where it is set in Setup
     * @param note     present when unknown: why it cannot be told yet
     */
    public record Right(Need need, String title, Status status, Optional<String> askAdmin, Optional<String> note) {

        public boolean granted() {
            return status == Status.GRANTED;
        }
    }

    public Optional<Right> right(Need need) {
        return rights.stream().filter(r -> r.need() == need).findFirst();
    }

    public List<Right> missing() {
        return rights.stream().filter(r -> r.status() == Status.MISSING).toList();
    }

    public boolean allGranted() {
        return rights.stream().allMatch(Right::granted);
    }

    /** One message to send the Salesforce admin asking for every missing right; empty when none is missing. */
    public Optional<String> requestToAdmin(Optional<String> organizationName) {
        List<Right> missing = missing();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String who = userName.map(name -> "the Salesforce user " + name).orElse("its Salesforce user");
        String org =
                organizationName.map(name -> " in our org \"" + name + "\"").orElse("");
        return Optional.of("Hello,\n\nUnsubscribe Sync keeps our email opt-outs in step with Salesforce" + org
                + ". It connects as " + who + ", who is missing these rights:\n\n"
                + missing.stream()
                        .map(r -> "- " + r.askAdmin().orElse(r.title()))
                        .collect(Collectors.joining("\n"))
                + "\n\nThank you.");
    }
}
