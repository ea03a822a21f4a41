package com.unsubscribesync.domain;

import java.util.Objects;
import java.util.Optional;

/** A local person record; the Salesforce id, when known, links it to a Lead or Contact. */
public record Person(
        Email email, Optional<String> firstName, Optional<String> lastName, Optional<SalesforceId> salesforceId) {
    public Person {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(salesforceId, "salesforceId");
    }

    public String displayName() {
        String name = (firstName.orElse("") + " " + lastName.orElse("")).strip();
        return name.isEmpty() ? email.value() : name;
    }
}
