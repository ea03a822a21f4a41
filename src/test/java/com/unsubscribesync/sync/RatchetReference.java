package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.localorg.PersonView;
import com.unsubscribesync.store.SyncRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference the random walk is checked against after every step: local unsubscribes and Salesforce opt-outs
 * only grow, except through an admin resubscribe; the engine never writes false except for
 * {@code --also-salesforce}; after a push or a run without faults, every record an unsubscribed address reaches
 * carries the opt-out, and every Salesforce opt-out is unsubscribed here.
 */
final class RatchetReference {
    private static final int MAX_HOPS = 10;

    private final RatchetStep.Box synced;

    /** @param synced the box the nightly sync (and, with the sync on, the real-time push) writes */
    RatchetReference(RatchetStep.Box synced) {
        this.synced = synced;
    }

    void check(RatchetStep step, RatchetSnapshot before, RatchetSnapshot after, Optional<RunReport> run) {
        localUnsubscribesChangeOnlyAsAllowed(step, before, after);
        optOutsAreUncheckedOnlyAsAllowed(step, before, after);
        engineWritesOnlyOptOuts(step, before, after);
        if (step instanceof RatchetStep.NightlyRun) {
            assertThat(run)
                    .as("the run's report")
                    .hasValueSatisfying(report -> assertThat(report.outcome())
                            .as("a run without faults, message %s", report.message())
                            .isEqualTo(SyncRun.Outcome.SUCCEEDED));
            everyReachableRecordIsOptedOut(after, after.unsubscribed());
            everySyncedOptOutIsUnsubscribedHere(after);
        }
        if (step instanceof RatchetStep.Push) {
            assertThat(after.pending()).as("outbox after a push without faults").isEmpty();
            Set<String> pushed = new TreeSet<>(before.pending());
            pushed.retainAll(after.unsubscribed());
            everyReachableRecordIsOptedOut(after, pushed);
        }
    }

    private static void localUnsubscribesChangeOnlyAsAllowed(
            RatchetStep step, RatchetSnapshot before, RatchetSnapshot after) {
        Set<String> kept = new TreeSet<>(before.unsubscribed());
        if (step instanceof RatchetStep.Resubscribe resubscribe) {
            kept.remove(normal(resubscribe.email()));
            assertThat(after.unsubscribed()).as("resubscribed here").doesNotContain(normal(resubscribe.email()));
        }
        assertThat(after.unsubscribed()).as("local unsubscribes only grow").containsAll(kept);
        if (step instanceof RatchetStep.UnsubscribeHere unsubscribe) {
            assertThat(after.unsubscribed()).contains(normal(unsubscribe.email()));
        }
        if (!(step instanceof RatchetStep.UnsubscribeHere) && !(step instanceof RatchetStep.NightlyRun)) {
            assertThat(after.unsubscribed())
                    .as("only a recorded unsubscribe or a run adds one")
                    .isSubsetOf(before.unsubscribed());
        }
    }

    private static void optOutsAreUncheckedOnlyAsAllowed(
            RatchetStep step, RatchetSnapshot before, RatchetSnapshot after) {
        for (String id : before.records().keySet()) {
            for (RatchetStep.Box box : RatchetStep.Box.values()) {
                if (before.ticked(id, box) && !after.ticked(id, box)) {
                    assertThat(uncheckAllowed(step, before, id, box))
                            .as(
                                    "%s %s of %s went from true to false",
                                    box, id, before.records().get(id).email())
                            .isTrue();
                }
            }
        }
    }

    private static boolean uncheckAllowed(RatchetStep step, RatchetSnapshot before, String id, RatchetStep.Box box) {
        if (step instanceof RatchetStep.UncheckInSalesforce uncheck) {
            return uncheck.recordId().equals(id) && uncheck.box() == box;
        }
        return step instanceof RatchetStep.Resubscribe resubscribe
                && resubscribe.alsoSalesforce()
                && belongsTo(before, id, resubscribe.email());
    }

    /** A record the engine changed must now carry the opt-out it wrote, unless the admin asked to uncheck it. */
    private void engineWritesOnlyOptOuts(RatchetStep step, RatchetSnapshot before, RatchetSnapshot after) {
        if (!step.byEngine()) {
            return;
        }
        for (String id : before.records().keySet()) {
            PersonView was = before.records().get(id);
            PersonView now = after.records().get(id);
            if (now.lastModified().equals(was.lastModified())) {
                continue;
            }
            boolean allowed;
            if (step instanceof RatchetStep.Push || step instanceof RatchetStep.NightlyRun) {
                allowed = after.ticked(id, synced);
            } else {
                allowed = step instanceof RatchetStep.Resubscribe resubscribe
                        && resubscribe.alsoSalesforce()
                        && belongsTo(before, id, resubscribe.email());
            }
            assertThat(allowed)
                    .as("%s (%s) was written by %s and is now %s", id, was.email(), step, now)
                    .isTrue();
        }
    }

    /**
     * A run and a push alike follow a converted lead to its contact and a record merged away to its master, however
     * many merges lie between (README: merges are followed).
     */
    private void everyReachableRecordIsOptedOut(RatchetSnapshot after, Set<String> addresses) {
        for (String address : addresses) {
            for (PersonView start : candidates(after, address)) {
                reached(after, start)
                        .ifPresent(target -> assertThat(after.ticked(target.id(), synced))
                                .as(
                                        "%s of unsubscribed %s reaches %s, which must be opted out",
                                        start.id(), address, target)
                                .isTrue());
            }
        }
    }

    /** The records an address stands for: live ones with that address, and those its person is linked to. */
    private static List<PersonView> candidates(RatchetSnapshot now, String address) {
        List<PersonView> found = new ArrayList<>();
        for (PersonView record : now.records().values()) {
            if (hasAddress(record, address)
                    || now.links().getOrDefault(address, Set.of()).contains(record.id())) {
                found.add(record);
            }
        }
        return found;
    }

    private static Optional<PersonView> reached(RatchetSnapshot after, PersonView start) {
        PersonView current = start;
        for (int hop = 0; hop < MAX_HOPS && current != null; hop++) {
            if (current.deleted()) {
                if (current.masterRecordId() == null) {
                    return Optional.empty();
                }
                current = after.records().get(current.masterRecordId());
            } else if (current.converted() && current.convertedContactId() != null) {
                current = after.records().get(current.convertedContactId());
            } else {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    private void everySyncedOptOutIsUnsubscribedHere(RatchetSnapshot after) {
        for (PersonView record : after.records().values()) {
            if (!record.deleted() && record.email() != null && after.ticked(record.id(), synced)) {
                assertThat(after.unsubscribed())
                        .as("opted out in Salesforce: %s", record)
                        .contains(normal(record.email()));
            }
        }
    }

    private static boolean belongsTo(RatchetSnapshot before, String id, String email) {
        PersonView record = before.records().get(id);
        return !record.deleted() && candidates(before, normal(email)).contains(record);
    }

    private static boolean hasAddress(PersonView record, String email) {
        return !record.deleted()
                && record.email() != null
                && normal(record.email()).equals(normal(email));
    }

    static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
