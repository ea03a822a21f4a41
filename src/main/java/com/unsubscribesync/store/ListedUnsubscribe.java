package com.unsubscribesync.store;

import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import java.util.Optional;

/** A row of the unsubscribe list: the unsubscribe and, when known, the person it belongs to. */
public record ListedUnsubscribe(Unsubscribe unsubscribe, Optional<Person> person) {
}
