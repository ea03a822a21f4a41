package com.unsubscribesync.localorg;

import com.unsubscribesync.localorg.metadata.LayoutStore;
import com.unsubscribesync.localorg.metadata.StoredLayout;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.localorg.state.PersonTable;
import com.unsubscribesync.localorg.state.SchemaCatalog;
import com.unsubscribesync.localorg.state.SeedSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a test or demo does to the org behind the API's back, the way an admin or another integration would in
 * Salesforce: read and change people, convert, merge and delete them, and change field security or permissions.
 * Every change bumps SystemModstamp as an API change would.
 */
public final class OrgAdmin {
    private final OrgState state;
    private final SeedSummary seeded;
    private final LayoutStore layouts;

    OrgAdmin(OrgState state, SeedSummary seeded, LayoutStore layouts) {
        this.state = state;
        this.seeded = seeded;
        this.layouts = layouts;
    }

    /** Copies a page layout under a new full name, as "Save As" on a layout in Setup does. */
    public void saveLayoutAs(String fullName, String newFullName) {
        StoredLayout original = layouts.find(fullName)
                .orElseThrow(() -> new IllegalArgumentException("the org has no page layout " + fullName));
        if (!newFullName.startsWith(original.objectName() + "-")
                || layouts.find(newFullName).isPresent()) {
            throw new IllegalArgumentException(
                    "'" + newFullName + "' is not a new " + original.objectName() + " layout name");
        }
        layouts.save(newFullName, original.content());
        state.changed();
    }

    /** How many API writes set an opt-out checkbox to false since the org started (users' own changes aside). */
    public long optOutsClearedByApi() {
        return state.optOutsClearedByApi();
    }

    /** What the seeder made; empty when the org was loaded from its state directory. */
    public Optional<SeedSummary> seeded() {
        return Optional.ofNullable(seeded);
    }

    public PersonView read(String id) {
        return state.atomically(() -> {
            Found found = find(id);
            return view(found.table(), found.row());
        });
    }

    private static PersonView view(PersonTable t, int row) {
        Object convertedContact = t.isLead() ? t.value(row, field(t, "ConvertedContactId")) : null;
        Object master = t.value(row, field(t, "MasterRecordId"));
        return new PersonView(
                t.id(row),
                t.schema().name(),
                t.firstName(row),
                t.lastName(row),
                t.email(row),
                t.isOptedOut(row),
                t.isPackageOptedOut(row),
                t.isConverted(row),
                (String) convertedContact,
                (String) master,
                t.isDeleted(row),
                Instant.ofEpochMilli(t.modifiedMillis(row)));
    }

    /** Ids of live Leads and Contacts with this email (case-insensitive), Contacts first. */
    public List<String> idsWithEmail(String email) {
        return state.atomically(() -> {
            List<String> ids = new ArrayList<>();
            for (PersonTable table : List.of(state.contacts(), state.leads())) {
                for (int row = 0; row < table.size(); row++) {
                    if (!table.isDeleted(row)
                            && table.email(row) != null
                            && table.email(row).equalsIgnoreCase(email)) {
                        ids.add(table.id(row));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * Hands every live Lead, then every live Contact, to {@code each}, in row order, while holding the org still.
     * Benchmarks use it to pick people without a query.
     */
    public void forEachPerson(Consumer<PersonView> each) {
        state.atomically(() -> {
            for (PersonTable table : List.of(state.leads(), state.contacts())) {
                for (int row = 0; row < table.size(); row++) {
                    if (!table.isDeleted(row)) {
                        each.accept(view(table, row));
                    }
                }
            }
        });
    }

    /** Which of these ids have Email Opt Out set now; unknown ids are left out. */
    /**
     * Tells {@code watch} the id of each Lead or Contact whose Email Opt Out turns on from now, as the write that
     * sets it happens (under the org's lock: it must be quick); null stops telling.
     */
    public void watchOptOuts(java.util.function.Consumer<String> watch) {
        state.contacts().watchOptOuts(watch);
        state.leads().watchOptOuts(watch);
    }

    /** Live (not deleted) records of Lead or Contact. */
    public int count(String object) {
        return state.atomically(() -> {
            PersonTable table = table(object);
            int live = 0;
            for (int row = 0; row < table.size(); row++) {
                live += table.isDeleted(row) ? 0 : 1;
            }
            return live;
        });
    }

    public String addContact(String firstName, String lastName, String email) {
        return add("Contact", Map.of("FirstName", firstName, "LastName", lastName, "Email", email));
    }

    public String addLead(String firstName, String lastName, String email, String company) {
        return add("Lead", Map.of("FirstName", firstName, "LastName", lastName, "Email", email, "Company", company));
    }

    private String add(String object, Map<String, String> values) {
        return state.atomically(() -> {
            PersonTable table = table(object);
            Map<FieldDef, Object> typed = new LinkedHashMap<>();
            values.forEach((name, value) -> typed.put(field(table, name), value));
            return table.id(state.create(table, typed));
        });
    }

    public void setOptedOut(String id, boolean optedOut) {
        set(id, "HasOptedOutOfEmail", optedOut);
    }

    /** Sets the Marketo Sales Insight opt-out; the org keeps it even while the package is not installed. */
    public void setPackageOptedOut(String id, boolean optedOut) {
        state.atomically(() -> {
            Found found = find(id);
            FieldDef field = FieldDef.checkbox(
                    SchemaCatalog.PACKAGE_OPT_OUT_FIELD, SchemaCatalog.PACKAGE_OPT_OUT_LABEL, true, true);
            state.update(found.table(), found.row(), Map.of(field, optedOut));
        });
    }

    public void setEmail(String id, String email) {
        set(id, "Email", email);
    }

    private void set(String id, String fieldName, Object value) {
        state.atomically(() -> {
            Found found = find(id);
            state.update(found.table(), found.row(), Map.of(field(found.table(), fieldName), value));
        });
    }

    /** Converts a lead into a new contact and returns the contact's id. */
    public String convertLead(String leadId) {
        return convertLead(leadId, null);
    }

    /** Converts a lead into an existing contact (or a new one when {@code contactId} is null). */
    public String convertLead(String leadId, String contactId) {
        return state.atomically(() -> {
            Found lead = find(leadId);
            if (!lead.table().isLead() || lead.table().isConverted(lead.row())) {
                throw new IllegalArgumentException(leadId + " is not an unconverted lead");
            }
            int contact = contactId == null ? -1 : find(contactId).row();
            return state.contacts().id(state.convert(lead.row(), contact));
        });
    }

    /** Merges the losers into the winner: the losers are deleted with MasterRecordId pointing at the winner. */
    public void merge(String winnerId, String... loserIds) {
        state.atomically(() -> {
            Found winner = find(winnerId);
            int[] losers = new int[loserIds.length];
            for (int i = 0; i < loserIds.length; i++) {
                Found loser = find(loserIds[i]);
                if (loser.table() != winner.table()) {
                    throw new IllegalArgumentException("cannot merge " + loserIds[i] + " into " + winnerId);
                }
                losers[i] = loser.row();
            }
            state.merge(winner.table(), winner.row(), losers);
        });
    }

    public void delete(String id) {
        state.atomically(() -> {
            Found found = find(id);
            state.delete(found.table(), found.row());
        });
    }

    public void setFieldAccess(String object, String field, FieldAccess access) {
        state.fieldSecurity().set(object, field, access);
        state.changed();
    }

    /** Sets the local user's object permission on Lead or Contact: {@code READ} takes Edit away. */
    public void setObjectAccess(String object, ObjectAccess access) {
        table(object);
        state.objectSecurity().set(object, access);
        state.changed();
    }

    /** Grants or revokes a permission on the local user's profile. */
    public void setPermission(Permission permission, boolean granted) {
        state.atomically(() -> state.directory().grant(0, permission, granted, state.stamp()));
        state.changed();
    }

    /** Makes the org a sandbox or production (what Organization.IsSandbox answers). */
    public void setSandbox(boolean sandbox) {
        state.setSandbox(sandbox);
    }

    private record Found(PersonTable table, int row) {}

    private Found find(String id) {
        PersonTable table = state.peopleOf(id)
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not the id of a Lead or Contact"));
        int row = table.rowOf(id);
        if (row < 0) {
            throw new IllegalArgumentException("no " + table.schema().name() + " has id " + id);
        }
        return new Found(table, row);
    }

    private PersonTable table(String object) {
        return state.people(object)
                .orElseThrow(() -> new IllegalArgumentException("'" + object + "' is not Lead or Contact"));
    }

    private static FieldDef field(PersonTable table, String name) {
        return table.schema()
                .field(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        table.schema().name() + " has no field " + name.toLowerCase(Locale.ROOT)));
    }
}
