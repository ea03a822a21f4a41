package com.unsubscribesync.localorg.state;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the org holds about its records, users and field security. Callers that read or change records do
 * so inside {@link #atomically}, so one SOAP call sees and leaves a consistent org.
 */
public final class OrgState {
    private final Clock clock;
    private final SchemaCatalog catalog;
    private final PersonTable contacts;
    private final PersonTable leads;
    private final Directory directory;
    private final FieldSecurity fieldSecurity = new FieldSecurity();
    private final ObjectSecurity objectSecurity = new ObjectSecurity();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong optOutsClearedByApi = new AtomicLong();
    private volatile boolean sandbox;

    public OrgState(Clock clock, boolean packageInstalled, String localUsername) {
        this.clock = clock;
        this.catalog = new SchemaCatalog(packageInstalled);
        this.contacts = new PersonTable(catalog.object("Contact").orElseThrow());
        this.leads = new PersonTable(catalog.object("Lead").orElseThrow());
        this.directory = new Directory(catalog, localUsername, stamp());
    }

    public <T> T atomically(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void atomically(Runnable work) {
        atomically(() -> {
            work.run();
            return null;
        });
    }

    /** Makes the org a sandbox (Organization.IsSandbox true) or production, as it starts. */
    public void setSandbox(boolean sandbox) {
        this.sandbox = sandbox;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now as Salesforce stores a dateTime field: to the second (it is sent as {@code .000Z}). */
    public Instant stamp() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    public SchemaCatalog catalog() {
        return catalog;
    }

    public PersonTable contacts() {
        return contacts;
    }

    public PersonTable leads() {
        return leads;
    }

    public Directory directory() {
        return directory;
    }

    public FieldSecurity fieldSecurity() {
        return fieldSecurity;
    }

    public ObjectSecurity objectSecurity() {
        return objectSecurity;
    }

    /** The table behind an object name for the given user (UserPermissionAccess depends on who asks). */
    public Optional<RecordTable> table(String objectName, int userRow) {
        return switch (objectName.toLowerCase(java.util.Locale.ROOT)) {
            case "contact" -> Optional.of(contacts);
            case "lead" -> Optional.of(leads);
            case "user" -> Optional.of(directory.users());
            case "profile" -> Optional.of(directory.profiles());
            case "userpermissionaccess" -> Optional.of(directory.permissionAccessOf(userRow));
            case "organization" ->
                Optional.of(new OrganizationTable(catalog.object("Organization").orElseThrow(), sandbox));
            default -> Optional.empty();
        };
    }

    public Optional<PersonTable> people(String objectName) {
        if (objectName.equalsIgnoreCase("Contact")) {
            return Optional.of(contacts);
        }
        return objectName.equalsIgnoreCase("Lead") ? Optional.of(leads) : Optional.empty();
    }

    /** The person table an id belongs to, by its key prefix. */
    public Optional<PersonTable> peopleOf(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        String prefix = id.substring(0, 3);
        if (prefix.equals(contacts.schema().keyPrefix())) {
            return Optional.of(contacts);
        }
        return prefix.equals(leads.schema().keyPrefix()) ? Optional.of(leads) : Optional.empty();
    }

    public void update(PersonTable table, int row, Map<FieldDef, Object> values) {
        values.forEach((field, value) -> table.set(row, field, value));
        table.touch(row, now());
        changed();
    }

    /**
     * An update that came in through the API rather than from a user in Salesforce. The org remembers how many of
     * them wrote false to an opt-out checkbox, so a test can prove an integration never resubscribed anyone.
     */
    public void updateByApi(PersonTable table, int row, Map<FieldDef, Object> values) {
        values.forEach((field, value) -> {
            boolean optOut = field.name().equals("HasOptedOutOfEmail")
                    || field.name().equals(SchemaCatalog.PACKAGE_OPT_OUT_FIELD);
            if (optOut && Boolean.FALSE.equals(value)) {
                optOutsClearedByApi.incrementAndGet();
            }
        });
        update(table, row, values);
    }

    /** How many API writes set an opt-out checkbox to false since this org started. */
    public long optOutsClearedByApi() {
        return optOutsClearedByApi.get();
    }

    public int create(PersonTable table, Map<FieldDef, Object> values) {
        int row = table.add(null, null, null, now());
        if (table.isLead()) {
            table.set(row, table.schema().field("Status").orElseThrow(), "Open - Not Contacted");
        }
        values.forEach((field, value) -> table.set(row, field, value));
        changed();
        return row;
    }

    public void delete(PersonTable table, int row) {
        table.markDeleted(row, now(), -1);
        changed();
    }

    /** The losers go to the recycle bin pointing at the winner; the winner gets an update. */
    public void merge(PersonTable table, int winner, int[] losers) {
        Instant when = now();
        for (int loser : losers) {
            table.markDeleted(loser, when, winner);
        }
        table.touch(winner, when);
        changed();
    }

    /**
     * Converts a lead into an existing contact, or into a new one when {@code contactRow} is negative. A new contact
     * takes the lead's Email Opt Out; an existing one keeps its own, as Salesforce's conversion mapping says.
     */
    public int convert(int leadRow, int contactRow) {
        Instant when = now();
        int contact = contactRow;
        if (contact < 0) {
            contact = contacts.add(leads.firstName(leadRow), leads.lastName(leadRow), leads.email(leadRow), when);
            if (leads.isOptedOut(leadRow)) {
                contacts.set(
                        contact, contacts.schema().field("HasOptedOutOfEmail").orElseThrow(), true);
            }
        } else {
            contacts.touch(contact, when);
        }
        leads.markConverted(leadRow, contact, when);
        changed();
        return contact;
    }

    public void changed() {
        changes.incrementAndGet();
    }

    /** A counter that moves on every change, for snapshotting. */
    public long changeCount() {
        return changes.get();
    }
}
