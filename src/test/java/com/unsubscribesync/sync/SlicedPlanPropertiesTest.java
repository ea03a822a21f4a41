package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.Ratchet;
import com.unsubscribesync.domain.RatchetInput;
import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.MirrorRepository;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.RunPlan;
import com.unsubscribesync.store.RunPlanRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planning a few addresses at a time from the database decides exactly what the ratchet decides over the whole org
 * at once, for random orgs dense in shared addresses, conversions and merges that cross slice boundaries.
 */
class SlicedPlanPropertiesTest {
    private static final int ORGS = 150;
    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

    private Database database;

    @BeforeEach
    void open() {
        database = Database.openInMemory("sliced-" + UUID.randomUUID());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aPlanMadeSliceBySliceIsThePlanOfTheWholeOrg() {
        for (int seed = 0; seed < ORGS; seed++) {
            Random random = new Random(seed);
            RandomOrg org = RandomOrg.generate(random);
            int slice = 1 + random.nextInt(3);
            boolean preview = random.nextBoolean();
            SyncPlan whole = Ratchet.plan(org.wholeInput());

            SyncPlan sliced = slicedPlan(database, org, slice, preview);

            String context = "org " + seed + ", slices of " + slice + (preview ? ", preview" : "");
            assertThat(sliced.pushes()).as(context).containsExactlyInAnyOrderElementsOf(whole.pushes());
            assertThat(sliced.imports()).as(context).containsExactlyInAnyOrderElementsOf(whole.imports());
            assertThat(sliced.conflicts()).as(context).containsExactlyInAnyOrderElementsOf(whole.conflicts());
            forget(database);
        }
    }

    @Test
    void aRunsPlanLeavesSettledAddressesOutAndStillDecidesWhatTheWholeOrgDecides() {
        int orgsWithAddressesLeftOut = 0;
        for (int seed = 0; seed < ORGS; seed++) {
            Random random = new Random(seed);
            RandomOrg org = RandomOrg.generate(random, true);
            int slice = 1 + random.nextInt(3);
            SyncPlan whole = Ratchet.plan(org.wholeInput());
            Set<Email> plannedFirst = new HashSet<>();

            SyncPlan sliced = slicedPlan(database, org, slice, false, plannedFirst);

            String context = "org " + seed + ", slices of " + slice;
            assertThat(sliced.pushes()).as(context).containsExactlyInAnyOrderElementsOf(whole.pushes());
            assertThat(sliced.imports()).as(context).containsExactlyInAnyOrderElementsOf(whole.imports());
            assertThat(sliced.conflicts()).as(context).containsExactlyInAnyOrderElementsOf(whole.conflicts());
            if (!plannedFirst.containsAll(org.unsubscribed)) {
                orgsWithAddressesLeftOut++;
            }
            forget(database);
        }
        assertThat(orgsWithAddressesLeftOut)
                .as("orgs whose plan left a settled address out, so that the property says something")
                .isGreaterThan(ORGS / 4);
    }

    private static void forget(Database database) {
        try (var connection = database.connection();
                var statement = connection.createStatement()) {
            for (String table : List.of("unsubscribes", "unsubscribe_history", "outbox", "people", "sf_mirror")) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRecordHeldForAnAdminIsOneConflictUnderTheFirstAddressThatReachesItWhateverTheSlice() {
        RandomOrg org = new RandomOrg();
        SalesforceId contact = TestIds.of(SObjectType.CONTACT, 1);
        Email first = Email.parse("aa@example.com");
        Email later = Email.parse("zz@example.com");
        org.stored.add(
                RandomOrg.version(contact, Optional.of(later), true, false, Optional.empty(), false, Optional.empty()));
        org.pulled.add(RandomOrg.version(
                contact, Optional.of(later), false, false, Optional.empty(), false, Optional.empty()));
        org.unsubscribed.addAll(List.of(first, later));
        org.links.put(first, contact);
        org.settings = SyncSettings.defaults().withResubscribePolicy(ResubscribePolicy.HOLD);

        for (boolean preview : List.of(false, true)) {
            SyncPlan sliced = slicedPlan(database, org, 1, preview);

            assertThat(sliced.conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.email()).contains(first);
                assertThat(conflict.recordId()).contains(contact);
            });
            assertThat(sliced.conflicts())
                    .isEqualTo(Ratchet.plan(org.wholeInput()).conflicts());
            forget(database);
        }
    }

    @Test
    void anAddressWhoseOwnRecordsCarryTheOptOutIsPlannedWhenAConversionOrMergeLeadsToOneWithout() {
        SalesforceId lead = TestIds.of(SObjectType.LEAD, 1);
        SalesforceId gone = TestIds.of(SObjectType.CONTACT, 2);
        SalesforceId contact = TestIds.of(SObjectType.CONTACT, 3);
        Email unsubscribed = Email.parse("ann@example.com");
        MirrorRepository.Pulled own = live(TestIds.of(SObjectType.CONTACT, 4), Optional.of(unsubscribed), true);
        MirrorRepository.Pulled withoutOptOut = live(contact, Optional.of(Email.parse("bob@example.com")), false);
        MirrorRepository.Pulled converted =
                RandomOrg.version(lead, Optional.empty(), true, true, Optional.of(contact), false, Optional.empty());
        MirrorRepository.Pulled mergedAway =
                RandomOrg.version(gone, Optional.empty(), true, false, Optional.empty(), true, Optional.of(contact));
        Map<String, RandomOrg> orgs = new java.util.LinkedHashMap<>();
        orgs.put(
                "its own lead, converted",
                org(
                        unsubscribed,
                        Optional.empty(),
                        List.of(
                                RandomOrg.version(
                                        lead,
                                        Optional.of(unsubscribed),
                                        true,
                                        true,
                                        Optional.of(contact),
                                        false,
                                        Optional.empty()),
                                withoutOptOut)));
        orgs.put(
                "a linked lead, converted",
                org(unsubscribed, Optional.of(lead), List.of(own, converted, withoutOptOut)));
        orgs.put(
                "a linked contact, merged away",
                org(unsubscribed, Optional.of(gone), List.of(own, mergedAway, withoutOptOut)));

        orgs.forEach((name, org) -> {
            SyncPlan sliced = slicedPlan(database, org, 1, false);

            assertThat(sliced.pushes()).as(name).containsExactly(contact);
            assertThat(sliced.pushes())
                    .as(name)
                    .isEqualTo(Ratchet.plan(org.wholeInput()).pushes());
            forget(database);
        });
    }

    /** A record neither converted nor deleted. */
    private static MirrorRepository.Pulled live(SalesforceId id, Optional<Email> email, boolean optedOut) {
        return RandomOrg.version(id, email, optedOut, false, Optional.empty(), false, Optional.empty());
    }

    private static RandomOrg org(Email unsubscribed, Optional<SalesforceId> link, List<MirrorRepository.Pulled> rows) {
        RandomOrg org = new RandomOrg();
        org.unsubscribed.add(unsubscribed);
        link.ifPresent(id -> org.links.put(unsubscribed, id));
        org.stored.addAll(rows);
        return org;
    }

    @Test
    void aPreviewLeavesNoPlanBehind() {
        slicedPlan(database, RandomOrg.generate(new Random(3)), 2, true);

        assertThat(new RunPlanRepository(database).count()).isZero();
        try (var connection = database.connection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_NAME LIKE 'PREVIEW_MIRROR%') + (SELECT COUNT(*) FROM plan_addresses) "
                        + "+ (SELECT COUNT(*) FROM plan_pushes) + (SELECT COUNT(*) FROM plan_conflicts) "
                        + "+ (SELECT COUNT(*) FROM sf_mirror)")) {
            rows.next();
            assertThat(rows.getLong(1))
                    .as("tables or rows of the plan left, or pulled rows in the mirror")
                    .isEqualTo(RandomOrg.generate(new Random(3)).stored.size());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Stores the org as a run finds it, plans it a slice at a time, and reads the whole plan back. */
    private static SyncPlan slicedPlan(Database database, RandomOrg org, int slice, boolean preview) {
        return slicedPlan(database, org, slice, preview, new HashSet<>());
    }

    /** @param plannedFirst receives the addresses the plan started with */
    private static SyncPlan slicedPlan(
            Database database, RandomOrg org, int slice, boolean preview, Set<Email> plannedFirst) {
        UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.fixed(NOW, ZoneOffset.UTC));
        org.unsubscribed.forEach(email ->
                unsubscribes.add(new Unsubscribe(email, NOW, UnsubscribeSource.MANUAL, "tester", Optional.empty())));
        PeopleRepository people = new PeopleRepository(database, Clock.fixed(NOW, ZoneOffset.UTC));
        org.links.forEach(
                (email, id) -> people.save(new Person(email, Optional.empty(), Optional.empty(), Optional.of(id))));
        MirrorRepository mirror = new MirrorRepository(database);
        mirror.save(org.stored);
        try (RunPlan plan = new RunPlanRepository(database).open(preview, slice, NOW)) {
            if (preview) {
                plan.savePulled(org.pulled);
            } else {
                mirror.save(org.pulled);
            }
            new RunPlanner(slice).plan(plan, org.settings, org.blocked, RunProgress.SILENT, () -> {});
            plannedFirst.addAll(plan.addresses(1, Optional.empty(), Integer.MAX_VALUE));

            List<SalesforceId> pushes = new ArrayList<>();
            for (SObjectType type : plan.pushCounts().keySet()) {
                plan.pushes(type).forEachRemaining(push -> pushes.add(push.id()));
            }
            List<Email> imports = new ArrayList<>();
            plan.imports().forEachRemaining(imports::add);
            List<PlannedConflict> conflicts = new ArrayList<>();
            plan.conflicts().forEachRemaining(conflicts::add);
            return new SyncPlan(pushes, imports, conflicts);
        }
    }

    /** An org and a local store, with each record as an earlier run stored it and as this run pulls it. */
    private static final class RandomOrg {
        final Set<Email> unsubscribed = new HashSet<>();
        final Map<Email, SalesforceId> links = new HashMap<>();
        final List<MirrorRepository.Pulled> stored = new ArrayList<>();
        final List<MirrorRepository.Pulled> pulled = new ArrayList<>();
        SyncSettings settings = SyncSettings.defaults();
        final Set<SObjectType> blocked = EnumSet.noneOf(SObjectType.class);

        static RandomOrg generate(Random random) {
            return generate(random, false);
        }

        /** @param mostlyOptedOut most records carry the opt-out, so that many addresses are settled */
        static RandomOrg generate(Random random, boolean mostlyOptedOut) {
            RandomOrg org = new RandomOrg();
            int optOutOdds = mostlyOptedOut ? 5 : 1;
            List<Email> addresses = new ArrayList<>();
            for (int i = 2 + random.nextInt(13); i > 0; i--) {
                addresses.add(Email.parse(String.format("p%02d@example.com", addresses.size())));
            }
            List<SalesforceId> ids = new ArrayList<>();
            List<SalesforceId> contacts = new ArrayList<>();
            for (int i = random.nextInt(19); i > 0; i--) {
                SObjectType type = random.nextBoolean() ? SObjectType.LEAD : SObjectType.CONTACT;
                SalesforceId id = TestIds.of(type, ids.size());
                ids.add(id);
                if (type == SObjectType.CONTACT) {
                    contacts.add(id);
                }
            }
            for (SalesforceId id : ids) {
                Optional<Email> email = random.nextInt(8) == 0
                        ? Optional.empty()
                        : Optional.of(addresses.get(random.nextInt(addresses.size())));
                boolean converted = id.objectType() == SObjectType.LEAD && random.nextInt(6) == 0;
                Optional<SalesforceId> contact = converted && !contacts.isEmpty() && random.nextInt(4) != 0
                        ? Optional.of(contacts.get(random.nextInt(contacts.size())))
                        : Optional.empty();
                boolean deleted = !converted && random.nextInt(7) == 0;
                Optional<SalesforceId> master = deleted && random.nextBoolean()
                        ? Optional.of(ids.get(random.nextInt(ids.size()))).filter(m -> !m.equals(id))
                        : Optional.empty();
                // Opted out one time in oneIn, or optOutOdds times in oneIn - 1 + optOutOdds.
                java.util.function.IntFunction<MirrorRepository.Pulled> reading = oneIn -> version(
                        id,
                        email,
                        random.nextInt(oneIn - 1 + optOutOdds) < optOutOdds,
                        converted,
                        contact,
                        deleted,
                        master);
                int versions = 1 + random.nextInt(3);
                if ((versions & 1) != 0) {
                    org.stored.add(reading.apply(3));
                }
                if ((versions & 2) != 0) {
                    org.pulled.add(reading.apply(4));
                }
            }
            for (Email address : addresses) {
                if (random.nextInt(3) == 0) {
                    org.unsubscribed.add(address);
                }
                if (random.nextInt(3) == 0) {
                    org.links.put(
                            address,
                            random.nextInt(5) == 0 || ids.isEmpty()
                                    ? TestIds.of(SObjectType.CONTACT, 900 + random.nextInt(50))
                                    : ids.get(random.nextInt(ids.size())));
                }
            }
            org.settings = SyncSettings.defaults()
                    .withMatchByEmail(random.nextInt(4) != 0)
                    .withResubscribePolicy(random.nextInt(3) == 0 ? ResubscribePolicy.HOLD : ResubscribePolicy.REAPPLY);
            if (random.nextInt(6) == 0) {
                org.blocked.add(random.nextBoolean() ? SObjectType.LEAD : SObjectType.CONTACT);
            }
            return org;
        }

        private static MirrorRepository.Pulled version(
                SalesforceId id,
                Optional<Email> email,
                boolean optedOut,
                boolean converted,
                Optional<SalesforceId> contact,
                boolean deleted,
                Optional<SalesforceId> master) {
            return new MirrorRepository.Pulled(
                    new MirrorRecord(id, email, optedOut, optedOut, converted, contact, deleted, master), NOW);
        }

        /** The ratchet's input for the whole org: the mirror as a real run leaves it after its pull. */
        RatchetInput wholeInput() {
            Map<SalesforceId, MirrorRecord> mirror = new HashMap<>();
            for (List<MirrorRepository.Pulled> rows : List.of(stored, pulled)) {
                for (MirrorRepository.Pulled row : rows) {
                    MirrorRecord now = row.record();
                    MirrorRecord before = mirror.get(now.id());
                    boolean earlier = before != null && (before.optedOutBefore() || before.optedOut());
                    mirror.put(
                            now.id(),
                            new MirrorRecord(
                                    now.id(),
                                    now.email(),
                                    now.optedOut(),
                                    earlier || now.optedOut(),
                                    now.converted(),
                                    now.convertedContactId(),
                                    now.deleted(),
                                    now.masterRecordId()));
                }
            }
            Map<Email, Set<SalesforceId>> linked = new HashMap<>();
            links.forEach((email, id) -> linked.put(email, Set.of(id)));
            return new RatchetInput(unsubscribed, linked, mirror.values(), settings, blocked);
        }
    }
}
