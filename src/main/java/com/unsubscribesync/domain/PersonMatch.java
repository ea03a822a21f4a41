package com.unsubscribesync.domain;

import java.util.Optional;

/** A Lead or Contact found when looking for the record a person stands for: what the admin needs to pick it. */
public record PersonMatch(SalesforceId id, String name, Optional<String> email) {}
