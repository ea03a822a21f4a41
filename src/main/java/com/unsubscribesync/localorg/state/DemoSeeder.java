package com.unsubscribesync.localorg.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills an empty org with demo people, deterministically from a seed: the same seed gives the same names, emails,
 * flags and the same shape of converted, shared, merged and deleted records. Times are offsets before "now".
 */
public final class DemoSeeder {
    private static final String[] FIRST = {
        "Ana", "Ben", "Chloe", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivan", "Jonas", "Keiko", "Lars", "Maya",
        "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wim", "Ximena", "Yusuf", "Zoe",
        "Amir", "Beatriz", "Carlos", "Dana", "Emil", "Fiona", "Goran", "Helga", "Ines", "Jakub", "Kofi", "Lena",
        "Marco", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Ulla", "Viktor", "Wanda", "Yara", "Zeno"
    };
    private static final String[] LAST = {
        "Abbott",
        "Baker",
        "Castillo",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Horvat",
        "Ibrahim",
        "Jensen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Nakamura",
        "Okafor",
        "Petrov",
        "Quispe",
        "Rossi",
        "Schmidt",
        "Takahashi",
        "Underwood",
        "Varga",
        "Weber",
        "Xu",
        "Yilmaz",
        "Zimmermann",
        "Alvarez",
        "Brandt",
        "Costa",
        "Demir",
        "Engel",
        "Ferreira",
        "Gallo",
        "Hansen",
        "Ivanova",
        "Jovanovic",
        "Keller",
        "Larsen",
        "Meyer",
        "Novak",
        "Olsen",
        "Popescu",
        "Ramos",
        "Silva",
        "Tanaka",
        "Ulrich",
        "Vogel",
        "Wagner",
        "Young",
        "Zhou"
    };
    private static final String[] COMPANY = {
        "Northwind Outfitters",
        "Bluebird Analytics",
        "Cedar & Stone",
        "Delta Freight Co",
        "Evergreen Clinics",
        "Foxglove Media",
        "Granite Works",
        "Harbor Lights Bank",
        "Ironbark Tools",
        "Juniper Foods",
        "Kestrel Aviation",
        "Lumen Labs"
    };
    private static final String[] TITLE = {
        "Buyer",
        "Marketing Manager",
        "CFO",
        "Office Manager",
        "Engineer",
        "Head of Sales",
        "Consultant",
        null,
        null,
        null
    };
    private static final String[] DOMAIN = {"example.com", "example.org", "example.net"};

    private final long seed;
    private final int people;

    public DemoSeeder(long seed, int people) {
        if (people < 0) {
            throw new IllegalArgumentException("people must be 0 or more, not " + people);
        }
        this.seed = seed;
        this.people = people;
    }

    public SeedSummary seed(OrgState state) {
        return state.atomically(() -> fill(state));
    }

    private SeedSummary fill(OrgState state) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = state.now();
        int contactCount = (int) Math.round(people * 0.6);
        int leadCount = people - contactCount;
        PersonTable contacts = state.contacts();
        PersonTable leads = state.leads();
        contacts.reserve(contacts.size() + contactCount);
        leads.reserve(leads.size() + leadCount);
        FieldDef optOut = contacts.schema().field("HasOptedOutOfEmail").orElseThrow();
        FieldDef title = contacts.schema().field("Title").orElseThrow();
        FieldDef company = leads.schema().field("Company").orElseThrow();
        FieldDef packageOptOut =
                contacts.schema().field(SchemaCatalog.PACKAGE_OPT_OUT_FIELD).orElse(null);
        int optedOut = 0;
        int specialContacts = Math.min(contactCount, 2);
        for (int i = 0; i < contactCount - specialContacts; i++) {
            int row = addPerson(contacts, random, now, "");
            contacts.set(row, title, TITLE[random.nextInt(TITLE.length)]);
            optedOut += flag(contacts, row, random, optOut, packageOptOut);
        }
        for (int i = 0; i < leadCount; i++) {
            int row = addPerson(leads, random, now, "lead.");
            leads.set(row, company, COMPANY[random.nextInt(COMPANY.length)]);
            leads.set(
                    row,
                    leads.schema().field("Status").orElseThrow(),
                    SchemaCatalog.LEAD_STATUSES.get(random.nextInt(2)));
            optedOut += flag(
                    leads,
                    row,
                    random,
                    leads.schema().field("HasOptedOutOfEmail").orElseThrow(),
                    leads.schema().field(SchemaCatalog.PACKAGE_OPT_OUT_FIELD).orElse(null));
        }
        int live = contacts.size();
        String sharedEmail = null;
        int converted = 0;
        String convertedLeadId = null;
        for (int row = 0; row < leads.size() && live > 0; row++) {
            if (row % 50 == 7) {
                int contact = random.nextInt(live);
                leads.set(row, contacts.schema().field("Email").orElseThrow(), contacts.email(contact));
                sharedEmail = sharedEmail == null ? contacts.email(contact) : sharedEmail;
            } else if (row % 25 == 3) {
                int contact = random.nextInt(live);
                leads.set(row, leads.schema().field("FirstName").orElseThrow(), contacts.firstName(contact));
                leads.set(row, leads.schema().field("LastName").orElseThrow(), contacts.lastName(contact));
                leads.set(row, leads.schema().field("Email").orElseThrow(), contacts.email(contact));
                leads.markConverted(
                        row,
                        contact,
                        Instant.ofEpochMilli(Math.max(leads.createdMillis(row), contacts.createdMillis(contact)))
                                .plusSeconds(3600));
                converted++;
                convertedLeadId = convertedLeadId == null ? leads.id(row) : convertedLeadId;
            }
        }
        String winner = null;
        String loser = null;
        if (specialContacts == 2) {
            int original = addPerson(contacts, random, now, "");
            int duplicate = contacts.add(
                    contacts.firstName(original),
                    contacts.lastName(original),
                    contacts.email(original),
                    now.minus(Duration.ofDays(20)));
            contacts.markDeleted(duplicate, now.minus(Duration.ofHours(30 + random.nextInt(48))), original);
            contacts.touch(original, now.minus(Duration.ofHours(30)));
            winner = contacts.id(original);
            loser = contacts.id(duplicate);
        }
        String deletedLead = null;
        if (leadCount > 1) {
            int row = leadCount > 2 ? 1 : leadCount - 1;
            leads.markDeleted(row, now.minus(Duration.ofHours(6 + random.nextInt(72))), -1);
            deletedLead = leads.id(row);
        }
        state.changed();
        return new SeedSummary(
                leadCount, contactCount, optedOut, converted, convertedLeadId, sharedEmail, winner, loser, deletedLead);
    }

    private static int addPerson(PersonTable table, SplittableRandom random, Instant now, String tag) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        int number = table.size() + 1;
        String email = (first + "." + last + "." + tag + number + "@" + DOMAIN[random.nextInt(DOMAIN.length)])
                .toLowerCase(Locale.ROOT);
        Instant created = now.minus(Duration.ofMinutes(60L * 24 * 30 + random.nextInt(60 * 24 * 365)));
        int row = table.add(first, last, email, created);
        long sinceCreated = now.toEpochMilli() - created.toEpochMilli();
        boolean recentlyChanged = random.nextInt(10) == 0;
        long age = recentlyChanged
                ? random.nextLong(Duration.ofDays(10).toMillis())
                : Duration.ofDays(12).toMillis()
                        + random.nextLong(
                                Math.max(1, sinceCreated - Duration.ofDays(12).toMillis()));
        table.touch(row, now.minusMillis(Math.min(age, sinceCreated)));
        return row;
    }

    private static int flag(
            PersonTable table, int row, SplittableRandom random, FieldDef optOut, FieldDef packageOptOut) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            table.set(row, optOut, true);
        }
        if (packageOptOut != null && roll >= 3 && roll < 6) {
            table.set(row, packageOptOut, true);
        }
        return roll < 5 ? 1 : 0;
    }
}
