package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.Email;
import java.util.Objects;
import java.util.Optional;

/** One unsubscribe a caller of the intake API sent, already checked. */
public record ApiUnsubscribe(Email email, Optional<String> reason) {
    public ApiUnsubscribe {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(reason, "reason");
    }
}
