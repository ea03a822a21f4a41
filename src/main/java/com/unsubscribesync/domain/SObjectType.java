package com.unsubscribesync.domain;

import java.util.Optional;

/** The two Salesforce objects that carry an opt-out checkbox, with the key prefix of their ids. */
public enum SObjectType {
    LEAD("Lead", "00Q"),
    CONTACT("Contact", "003");

    private final String apiName;
    private final String keyPrefix;

    SObjectType(String apiName, String keyPrefix) {
        this.apiName = apiName;
        this.keyPrefix = keyPrefix;
    }

    public String apiName() {
        return apiName;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public static Optional<SObjectType> ofKeyPrefix(String prefix) {
        for (SObjectType type : values()) {
            if (type.keyPrefix.equals(prefix)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<SObjectType> ofApiName(String name) {
        for (SObjectType type : values()) {
            if (type.apiName.equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
