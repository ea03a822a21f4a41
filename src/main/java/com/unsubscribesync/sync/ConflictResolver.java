package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PeopleRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Carries out an admin's decision on a conflict, with the actions the product offers for its kind. */
public final class ConflictResolver {
    private final ConflictRepository conflicts;
    private final OutboxRepository outbox;
    private final PeopleRepository people;
    private final MirrorRepository mirror;
    private final Resubscriber resubscriber;
    private final OptOutFields fields;
    private final Clock clock;
    private final CurrentOrg org;

    /** Most matches shown of each object; a search that finds more asks the admin to say more. */
    public static final int MATCHES_PER_OBJECT = 25;

    public ConflictResolver(
            ConflictRepository conflicts,
            OutboxRepository outbox,
            PeopleRepository people,
            MirrorRepository mirror,
            Resubscriber resubscriber,
            OptOutFields fields,
            Clock clock) {
        this(conflicts, outbox, people, mirror, resubscriber, fields, clock, Optional::empty);
    }

    /** @param org the org searched for the record to link a person to */
    public ConflictResolver(
            ConflictRepository conflicts,
            OutboxRepository outbox,
            PeopleRepository people,
            MirrorRepository mirror,
            Resubscriber resubscriber,
            OptOutFields fields,
            Clock clock,
            CurrentOrg org) {
        this.org = org;
        this.conflicts = conflicts;
        this.outbox = outbox;
        this.people = people;
        this.mirror = mirror;
        this.resubscriber = resubscriber;
        this.fields = fields;
        this.clock = clock;
    }

    /** The actions an admin may take on a conflict of this kind, by their command-line names. */
    public static List<String> actions(ConflictKind kind) {
        return switch (kind) {
            case RESUBSCRIBED_IN_SALESFORCE -> List.of("keep-unsubscribed", "resubscribe");
            case NOT_IN_SALESFORCE -> List.of("link", "dismiss");
            case WRITE_REJECTED -> List.of("retry", "dismiss");
            case RECORD_DELETED -> List.of("relink", "dismiss");
            case FIELD_UNAVAILABLE -> List.of("recheck", "dismiss");
        };
    }

    /**
     * An admin's decision as carried out, enough to undo it: the conflict as it was and, for a link, the person's
     * link before it.
     */
    public record Resolved(Conflict conflict, String action, Optional<Person> personBefore) {
        /** A resubscribe wrote the person's history and may have been acted on; it is not taken back here. */
        public boolean undoable() {
            return !action.equals("resubscribe");
        }
    }

    /**
     * @param record  the Lead or Contact to link to, for {@code link} and {@code relink}
     * @param reason  why; required for {@code resubscribe}
     */
    public Resolved resolve(long id, String action, Optional<String> record, Optional<String> reason, String actor) {
        Optional<String> why = reason.flatMap(text -> FreeText.reason("--reason", text));
        Conflict conflict = conflicts
                .find(id)
                .filter(Conflict::open)
                .orElseThrow(() ->
                        new InvalidInputException("conflict " + id + " is not open: list them with 'conflicts list'"));
        String chosen = action.strip().toLowerCase(Locale.ROOT);
        if (!actions(conflict.kind()).contains(chosen)) {
            throw new InvalidInputException("action '" + action + "' does not apply to a '"
                    + conflict.kind().title() + "' conflict: use " + String.join(" or ", actions(conflict.kind())));
        }
        Email email = conflict.email().orElse(null);
        Optional<Person> personBefore = Optional.empty();
        switch (chosen) {
            case "keep-unsubscribed", "retry" -> outbox.enqueue(required(email, conflict), clock.instant());
            case "resubscribe" -> {
                resubscriber.resubscribe(
                        required(email, conflict),
                        why.orElseThrow(() -> new InvalidInputException(
                                "--reason is required to resubscribe: say why the person may be emailed again")),
                        actor,
                        false);
                conflict.recordId().ifPresent(recordId -> mirror.forgetEarlierOptOut(List.of(recordId)));
            }
            case "link", "relink" -> {
                SalesforceId target = SalesforceId.parse(record.orElseThrow(() -> new InvalidInputException(
                        "--record is required: give the 15- or 18-character id of the Lead or Contact to link")));
                Email owner = required(email, conflict);
                Person current = people.find(owner)
                        .orElse(new Person(owner, Optional.empty(), Optional.empty(), Optional.empty()));
                personBefore = Optional.of(current);
                people.saveLink(new Person(owner, current.firstName(), current.lastName(), Optional.of(target)));
                outbox.enqueue(owner, clock.instant());
            }
            case "recheck" -> {
                // What waits for the field is tried at once, not after the rest of its back-off.
                fields.refresh();
                outbox.retryAllNow(clock.instant());
            }
            default -> {}
        }
        conflicts.resolve(id, chosen, actor, why, clock.instant());
        return new Resolved(conflict, chosen, personBefore);
    }

    /**
     * Takes an admin's decision back: the conflict is pending again as it was, and a link is undone. A push the
     * decision queued is not called back: an opt-out is never taken back by the app.
     */
    public void undo(Resolved resolved) {
        if (!resolved.undoable()) {
            throw new InvalidInputException("a resubscribe cannot be undone here: unsubscribe "
                    + resolved.conflict().email().map(Email::value).orElse("the person")
                    + " again on the Unsubscribes tab");
        }
        if (!conflicts.reopen(resolved.conflict().id())) {
            throw new InvalidInputException("conflict " + resolved.conflict().id() + " could not be reopened: it is "
                    + "pending again already, or was not resolved");
        }
        resolved.personBefore().ifPresent(people::saveLink);
    }

    /** Contacts and Leads whose email or name contains the text: two API calls. */
    public List<PersonMatch> findRecords(String text) {
        String wanted = text.strip();
        if (wanted.length() < 2) {
            throw new InvalidInputException(
                    "type at least two characters of an email address or a name to search " + "Salesforce");
        }
        try {
            return connected().findPeople(wanted, MATCHES_PER_OBJECT);
        } catch (SalesforceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The Lead or Contact an ID typed by hand names, checked in Salesforce (one call); a malformed ID or one the org
     * does not show is refused with a sentence saying what to do.
     */
    public PersonMatch checkRecord(String typed) {
        if (typed.isBlank()) {
            throw new InvalidInputException("type the 15- or 18-character ID of a Lead (00Q…) or Contact (003…), or "
                    + "pick a record from the matches");
        }
        SalesforceId id = SalesforceId.parse(typed.strip());
        Optional<PersonMatch> found;
        try {
            found = connected().findPerson(id);
        } catch (SalesforceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return found.orElseThrow(() -> new InvalidInputException("no live "
                + id.objectType().apiName() + " with ID " + id + " is visible in the connected org: check the ID "
                + "in Salesforce, or search by email or name"));
    }

    /** Where the record opens in Salesforce: the org's instance address and the record's id. */
    public String recordUrl(SalesforceId id) {
        String instance = connected().identity().instanceUrl();
        return (instance.endsWith("/") ? instance : instance + "/") + id.value();
    }

    private SalesforceOrg connected() {
        return org.current()
                .orElseThrow(() -> new InvalidInputException(
                        "no Salesforce org is connected: connect one " + "on the Connection tab to look records up"));
    }

    private static Email required(Email email, Conflict conflict) {
        if (email == null) {
            throw new InvalidInputException("conflict " + conflict.id() + " is not about one address");
        }
        return email;
    }
}
