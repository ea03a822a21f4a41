package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.salesforce.WriteOutcome;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import java.util.Optional;

/**
 * The words of a <em>Write rejected</em> conflict, one wording whether the real-time push, the nightly run or the
 * demo org's example raises it.
 */
public final class WriteRejections {
    private WriteRejections() {}

    /** Salesforce refused the opt-out on a record for good, with its status code and message. */
    public static NewConflict refused(
            Optional<Email> email, SalesforceId id, Optional<String> statusCode, String message) {
        return new NewConflict(
                ConflictKind.WRITE_REJECTED,
                email,
                Optional.of(id),
                Optional.of(id.objectType()),
                statusCode,
                "Salesforce refused to set the opt-out on " + id.objectType().apiName() + " " + id + ": "
                        + statusCode.orElse("UNKNOWN") + ": " + message);
    }

    static NewConflict refused(Optional<Email> email, WriteOutcome outcome) {
        return refused(
                email, outcome.id(), outcome.statusCode(), outcome.message().orElse("no message"));
    }

    /**
     * Salesforce refused an address's record for now on every attempt the retry policy allows.
     *
     * @param lastAnswer its last answer, status code first ({@link #answer})
     */
    static NewConflict keptRefusing(Email email, int attempts, String lastAnswer) {
        return new NewConflict(
                ConflictKind.WRITE_REJECTED,
                Optional.of(email),
                Optional.empty(),
                Optional.empty(),
                Optional.of(lastAnswer.split(":")[0]),
                "Salesforce kept refusing the opt-out after " + attempts + " attempts; last answer: " + lastAnswer);
    }

    /** Salesforce's answer to one write, as the admin reads it: its status code, then its message. */
    static String answer(WriteOutcome outcome) {
        return outcome.statusCode().orElse("UNKNOWN") + ": " + outcome.message().orElse("no message");
    }
}
