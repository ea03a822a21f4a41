package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.ConflictRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Closes the conflicts about a record that {@link RecordsToOptOut} now follows, through a merge or a conversion, to
 * a record carrying the opt-out: a <em>Record deleted</em> raised before the merge was known (or before the push
 * followed merges), or a <em>Write rejected</em> on the record merged away. Left open, they would ask the admin to
 * re-link a person whose opt-out already reached the surviving record.
 */
final class StaleConflicts {
    /** Open conflicts looked at after a run; more are closed by the runs after it. */
    static final int MOST_PER_RUN = 10_000;

    private static final List<ConflictKind> ABOUT_A_RECORD_GONE =
            List.of(ConflictKind.RECORD_DELETED, ConflictKind.WRITE_REJECTED);

    private final ConflictRepository conflicts;

    StaleConflicts(ConflictRepository conflicts) {
        this.conflicts = conflicts;
    }

    /** The opt-out of {@code email} reached {@code route.to()}, which carries it now. */
    int close(Email email, RecordsToOptOut.Followed route, String actor, Instant now) {
        int closed = 0;
        for (ConflictKind kind : ABOUT_A_RECORD_GONE) {
            closed += conflicts.resolveMatching(
                    kind,
                    Optional.of(email),
                    Optional.of(route.from()),
                    Optional.of(route.from().objectType()),
                    resolution(route),
                    actor,
                    now);
        }
        return closed;
    }

    /**
     * Asks the rule, for every open conflict of these kinds, where its record leads now; closes those that lead to a
     * record already carrying the opt-out (the nightly run, after its writes, with the mirror it has just pulled).
     */
    int closeWhereFollowed(RecordsToOptOut rule, String actor, Instant now) {
        int closed = 0;
        for (ConflictKind kind : ABOUT_A_RECORD_GONE) {
            for (Conflict conflict : conflicts.open(Optional.of(kind), MOST_PER_RUN)) {
                if (conflict.email().isEmpty() || conflict.recordId().isEmpty()) {
                    continue;
                }
                SalesforceId record = conflict.recordId().get();
                RecordsToOptOut.Decision decision =
                        rule.forAddress(conflict.email().get(), Set.of(record), List.of(), true);
                for (RecordsToOptOut.Followed route : decision.followed()) {
                    if (route.from().equals(record)
                            && !decision.toWrite().contains(route.to())
                            && conflicts.resolve(conflict.id(), resolution(route), actor, now)) {
                        closed++;
                    }
                }
            }
        }
        return closed;
    }

    /** Short enough for the inbox's resolution column; the record followed to is what the admin looks up. */
    private static String resolution(RecordsToOptOut.Followed route) {
        return "followed to " + route.to();
    }
}
