package com.unsubscribesync.sync;

import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.RecordsToOptOut;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/** The conflicts one real-time pass raises, counted only when new: one open conflict says it once. */
final class PassConflicts {
    private final ConflictRepository conflicts;
    private final FieldCheck check;
    private final Clock clock;
    // A set: every address waiting for one object's field finds the same conflict, which is written once.
    private final Set<NewConflict> found = new LinkedHashSet<>();
    private int raised;

    PassConflicts(ConflictRepository conflicts, FieldCheck check, Clock clock) {
        this.conflicts = conflicts;
        this.check = check;
        this.clock = clock;
    }

    /**
     * What the rule found about an address: conflicts to raise, and objects whose field it waits for. They are
     * recorded together by {@link #raiseFound}, once the pass has looked at every address.
     */
    void found(RecordsToOptOut.Decision decision) {
        for (PlannedConflict conflict : decision.conflicts()) {
            found.add(NightlySync.stored(conflict));
        }
        decision.waitingFor().forEach(type -> found.add(OptOutFields.unavailable(check, type)));
    }

    /** Records what {@link #found} gathered, in few transactions. */
    void raiseFound() {
        raised += conflicts.recordAll(found.iterator(), clock.instant());
        found.clear();
    }

    void fieldUnavailable(SObjectType type) {
        raise(OptOutFields.unavailable(check, type));
    }

    void raise(NewConflict conflict) {
        if (conflicts.record(conflict, clock.instant())) {
            raised++;
        }
    }

    int raised() {
        return raised;
    }
}
