package com.unsubscribesync.store;

import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import java.util.Optional;

/**
 * A row of the unsubscribe list: the unsubscribe and, when known, the person it belongs to. For a person an admin
 * resubscribed, {@code unsubscribe} carries the resubscribe's time, actor and reason.
 */
public record ListedUnsubscribe(Unsubscribe unsubscribe, Optional<Person> person, boolean resubscribed) {
    public ListedUnsubscribe(Unsubscribe unsubscribe, Optional<Person> person) {
        this(unsubscribe, person, false);
    }
}
