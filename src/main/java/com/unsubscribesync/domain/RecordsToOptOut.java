package com.unsubscribesync.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which Leads and Contacts an unsubscribed address must be opted out on, and what to tell the admin instead: the one
 * rule the real-time push and the nightly run both ask, so that they never disagree.
 *
 * <p>An address stands for the records its person is linked to, and, with match-by-email on, every live record
 * that has it. From each, a converted lead leads to its contact and a record merged away leads to its master,
 * however many merges lie between; the record at the end is written unless it already carries the opt-out. A
 * linked record that leads nowhere (deleted, not merged, or no longer visible) is a <em>Record deleted</em>
 * conflict; an address with no record at all and no link is <em>Not in Salesforce</em>; a record whose opt-out a
 * Salesforce user unchecked is held for review under the hold policy. Where the chosen field cannot be used on an
 * object, what lies on that object waits until it is fixed, whether the record is known or only its id is; with
 * match-by-email on, every address waits for such an object, since its records were not searched.
 *
 * <p>The caller says what it knows of each record; an id it knows nothing of is a record Salesforce does not show.
 * The nightly run knows what its pulls saw; the real-time push what it just read from Salesforce and the mirror.
 */
public final class RecordsToOptOut {
    /** Records on one path of merges and conversions before giving up (Salesforce never chains this far). */
    static final int LONGEST_PATH = 10;

    private final SyncSettings settings;
    private final Set<SObjectType> blocked;
    private final Function<SalesforceId, Optional<MirrorRecord>> known;

    /**
     * @param blocked objects whose chosen field is missing, hidden or read-only
     * @param known   what the caller knows of a record; empty for a record Salesforce does not show
     */
    public RecordsToOptOut(
            SyncSettings settings, Set<SObjectType> blocked, Function<SalesforceId, Optional<MirrorRecord>> known) {
        this.settings = settings;
        this.blocked = blocked.isEmpty() ? EnumSet.noneOf(SObjectType.class) : EnumSet.copyOf(blocked);
        this.known = known;
    }

    /**
     * What the rule decided for one address.
     *
     * @param toWrite    records whose opt-out is false and must become true, in the order found
     * @param followed   a linked record or one with the address that led, through a merge or a conversion, to a
     *                   live record that is written now or already carries the opt-out
     * @param conflicts  what the admin should look at
     * @param waitingFor objects whose unusable field keeps part of the address's opt-out from being written
     */
    public record Decision(
            List<SalesforceId> toWrite,
            List<Followed> followed,
            List<PlannedConflict> conflicts,
            Set<SObjectType> waitingFor) {
        public Decision {
            toWrite = List.copyOf(toWrite);
            followed = List.copyOf(followed);
            conflicts = List.copyOf(conflicts);
            waitingFor = waitingFor.isEmpty() ? Set.of() : Set.copyOf(waitingFor);
        }

        /** The address needs nothing more once {@link #toWrite} is written. */
        public boolean complete() {
            return waitingFor.isEmpty();
        }
    }

    /** The record {@code from} stands for, {@code to}, reached through merges or a conversion. */
    public record Followed(SalesforceId from, SalesforceId to) {}

    /**
     * @param linked             the ids people with this address carry
     * @param withAddress        the live records known to have this address (used only with match-by-email on)
     * @param unsubscribedHere   the address is unsubscribed here, not only opted out in Salesforce; only such an
     *                           address can be missing from Salesforce
     */
    public Decision forAddress(
            Email email, Set<SalesforceId> linked, Collection<SalesforceId> withAddress, boolean unsubscribedHere) {
        List<SalesforceId> toWrite = new ArrayList<>();
        List<Followed> followed = new ArrayList<>();
        List<PlannedConflict> conflicts = new ArrayList<>();
        Set<SObjectType> waitingFor = EnumSet.noneOf(SObjectType.class);
        if (linked.isEmpty() && withAddress.isEmpty()) {
            if (!blocked.isEmpty()) {
                // Records of an object whose field cannot be used were not looked at: the address may be there.
                waitingFor.addAll(blocked);
            } else if (unsubscribedHere) {
                conflicts.add(new PlannedConflict(
                        ConflictKind.NOT_IN_SALESFORCE,
                        Optional.of(email),
                        Optional.empty(),
                        Optional.empty(),
                        "No Lead or Contact has this address and the person has no Salesforce ID."));
            }
            return new Decision(toWrite, followed, conflicts, waitingFor);
        }
        Set<SalesforceId> candidates = new LinkedHashSet<>(new TreeSet<>(linked));
        if (settings.matchByEmail()) {
            candidates.addAll(withAddress);
        }
        for (SalesforceId candidate : candidates) {
            End end = follow(candidate);
            if (end.waitingFor().isPresent()) {
                waitingFor.add(end.waitingFor().get());
                continue;
            }
            if (end.record().isEmpty()) {
                if (linked.contains(candidate)) {
                    conflicts.add(new PlannedConflict(
                            ConflictKind.RECORD_DELETED,
                            Optional.of(email),
                            Optional.of(candidate),
                            Optional.of(candidate.objectType()),
                            "The linked "
                                    + candidate.objectType().apiName() + " " + candidate
                                    + " was deleted (not merged) or is no longer visible to the connected user."));
                }
                continue;
            }
            MirrorRecord record = end.record().get();
            if (record.converted()) {
                continue;
            }
            if (!record.optedOut() && blocked.contains(record.objectType())) {
                waitingFor.add(record.objectType());
                continue;
            }
            if (!record.optedOut()
                    && record.uncheckedInSalesforce()
                    && settings.resubscribePolicy() == ResubscribePolicy.HOLD) {
                conflicts.add(new PlannedConflict(
                        ConflictKind.RESUBSCRIBED_IN_SALESFORCE,
                        Optional.of(email),
                        Optional.of(record.id()),
                        Optional.of(record.objectType()),
                        "The opt-out of " + record.objectType().apiName() + " " + record.id()
                                + " was unchecked in Salesforce, but the address is unsubscribed here."));
                continue;
            }
            if (!record.optedOut() && !toWrite.contains(record.id())) {
                toWrite.add(record.id());
            }
            if (!candidate.equals(record.id())) {
                followed.add(new Followed(candidate, record.id()));
            }
        }
        if (settings.matchByEmail()) {
            // Records of an object whose field cannot be used were not searched: the address may be there too, so
            // what was found elsewhere is not all it names.
            waitingFor.addAll(blocked);
        }
        return new Decision(toWrite, followed, conflicts, waitingFor);
    }

    /** Where a record leads: a live record, a dead end (both empty), or an object whose field cannot be used. */
    private record End(Optional<MirrorRecord> record, Optional<SObjectType> waitingFor) {
        static final End NOWHERE = new End(Optional.empty(), Optional.empty());
    }

    private End follow(SalesforceId start) {
        SalesforceId current = start;
        for (int hop = 0; hop < LONGEST_PATH; hop++) {
            Optional<MirrorRecord> seen = known.apply(current);
            if (seen.isEmpty()) {
                // An object whose field cannot be used is not read, so its records are unknown rather than gone.
                return blocked.contains(current.objectType())
                        ? new End(Optional.empty(), Optional.of(current.objectType()))
                        : End.NOWHERE;
            }
            MirrorRecord record = seen.get();
            if (record.deleted()) {
                if (record.masterRecordId().isEmpty()) {
                    return End.NOWHERE;
                }
                current = record.masterRecordId().get();
            } else if (record.converted() && record.convertedContactId().isPresent()) {
                current = record.convertedContactId().get();
            } else {
                return new End(Optional.of(record), Optional.empty());
            }
        }
        return End.NOWHERE;
    }
}
