package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ratchet's promises, checked over thousands of random org and local states. */
class RatchetPropertiesTest {
    private static final int STATES = 3000;

    @Test
    void neverPlansAWriteToARecordThatIsAlreadyOptedOutConvertedDeletedOrBlocked() {
        forEachRandomState((input, plan) -> {
            Map<SalesforceId, MirrorRecord> byId = index(input.mirror());
            for (SalesforceId pushed : plan.pushes()) {
                MirrorRecord record = byId.get(pushed);
                assertThat(record).as("pushed id %s is a known record", pushed).isNotNull();
                assertThat(record.optedOut())
                        .as("opt-out of %s before the push", pushed)
                        .isFalse();
                assertThat(record.deleted()).isFalse();
                assertThat(record.converted()).isFalse();
                assertThat(input.blockedObjects()).doesNotContain(record.objectType());
            }
        });
    }

    @Test
    void neverPlansToRemoveALocalUnsubscribeAndOnlyImportsSalesforceOptOuts() {
        forEachRandomState((input, plan) -> {
            RatchetInput applied = applied(input, plan);
            for (Email imported : plan.imports()) {
                assertThat(input.unsubscribed()).doesNotContain(imported);
                assertThat(applied.mirror())
                        .as("a record opted out in Salesforce with %s", imported)
                        .anyMatch(r -> !r.deleted() && r.optedOut() && r.email().equals(Optional.of(imported)));
            }
            Set<Email> after = applied.unsubscribed();
            assertThat(after).containsAll(input.unsubscribed());
        });
    }

    @Test
    void planningAgainAfterApplyingAPlanWritesNothing() {
        forEachRandomState((input, plan) -> {
            RatchetInput after = applied(input, plan);
            SyncPlan again = Ratchet.plan(after);
            assertThat(again.pushes()).as("pushes on the second plan").isEmpty();
            assertThat(again.imports()).as("imports on the second plan").isEmpty();
            assertThat(new HashSet<>(again.conflicts())).isEqualTo(new HashSet<>(plan.conflicts()));
        });
    }

    @Test
    void everyUnsubscribedEmailEndsOptedOutOnEveryReachableUnblockedRecordWithItsAddress() {
        forEachRandomState((input, plan) -> {
            RatchetInput after = applied(input, plan);
            if (!after.settings().matchByEmail() || after.settings().resubscribePolicy() == ResubscribePolicy.HOLD) {
                return;
            }
            for (MirrorRecord record : after.mirror()) {
                boolean live = !record.deleted() && !record.converted();
                boolean unsubscribed =
                        record.email().map(after.unsubscribed()::contains).orElse(false);
                if (live && unsubscribed && !input.blockedObjects().contains(record.objectType())) {
                    assertThat(record.optedOut())
                            .as("record %s of %s", record.id(), record.email())
                            .isTrue();
                }
            }
        });
    }

    private interface Check {
        void accept(RatchetInput input, SyncPlan plan);
    }

    private static void forEachRandomState(Check check) {
        for (int seed = 0; seed < STATES; seed++) {
            RatchetInput input = randomState(new Random(seed));
            check.accept(input, Ratchet.plan(input));
        }
    }

    private static RatchetInput randomState(Random random) {
        List<Email> emails = new ArrayList<>();
        int people = 1 + random.nextInt(12);
        for (int i = 0; i < people; i++) {
            emails.add(Email.parse("p" + i + "@example.com"));
        }
        List<MirrorRecord> mirror = new ArrayList<>();
        int records = random.nextInt(16);
        List<SalesforceId> contactIds = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            SObjectType type = random.nextBoolean() ? SObjectType.LEAD : SObjectType.CONTACT;
            SalesforceId id = TestIds.of(type, i);
            if (type == SObjectType.CONTACT) {
                contactIds.add(id);
            }
            boolean optedOut = random.nextInt(4) == 0;
            boolean before = optedOut || random.nextInt(5) == 0;
            Optional<Email> email =
                    random.nextInt(8) == 0 ? Optional.empty() : Optional.of(emails.get(random.nextInt(emails.size())));
            mirror.add(new MirrorRecord(id, email, optedOut, before, false, Optional.empty(), false, Optional.empty()));
        }
        for (int i = 0; i < mirror.size(); i++) {
            MirrorRecord record = mirror.get(i);
            int roll = random.nextInt(10);
            if (roll == 0 && record.objectType() == SObjectType.LEAD) {
                Optional<SalesforceId> contact = contactIds.isEmpty() || random.nextInt(4) == 0
                        ? Optional.empty()
                        : Optional.of(contactIds.get(random.nextInt(contactIds.size())));
                mirror.set(
                        i,
                        new MirrorRecord(
                                record.id(),
                                record.email(),
                                record.optedOut(),
                                record.optedOutBefore(),
                                true,
                                contact,
                                false,
                                Optional.empty()));
            } else if (roll == 1) {
                Optional<SalesforceId> master = random.nextBoolean()
                        ? Optional.empty()
                        : Optional.of(mirror.get(random.nextInt(mirror.size())).id());
                mirror.set(
                        i,
                        new MirrorRecord(
                                record.id(),
                                record.email(),
                                record.optedOut(),
                                record.optedOutBefore(),
                                false,
                                Optional.empty(),
                                true,
                                master.filter(m -> !m.equals(record.id()))));
            }
        }
        Set<Email> unsubscribed = new HashSet<>();
        Map<Email, Set<SalesforceId>> linked = new HashMap<>();
        for (Email email : emails) {
            if (random.nextInt(3) == 0) {
                unsubscribed.add(email);
            }
            if (random.nextInt(3) == 0) {
                Set<SalesforceId> ids = new HashSet<>();
                if (!mirror.isEmpty()) {
                    ids.add(mirror.get(random.nextInt(mirror.size())).id());
                }
                if (random.nextInt(6) == 0) {
                    ids.add(TestIds.of(SObjectType.CONTACT, 900 + random.nextInt(50)));
                }
                linked.put(email, ids);
            }
        }
        SyncSettings settings = SyncSettings.defaults()
                .withMatchByEmail(random.nextInt(4) != 0)
                .withResubscribePolicy(random.nextInt(3) == 0 ? ResubscribePolicy.HOLD : ResubscribePolicy.REAPPLY);
        Set<SObjectType> blocked = EnumSet.noneOf(SObjectType.class);
        if (random.nextInt(6) == 0) {
            blocked.add(random.nextBoolean() ? SObjectType.LEAD : SObjectType.CONTACT);
        }
        return new RatchetInput(unsubscribed, linked, mirror, settings, blocked);
    }

    /** What the org and the store look like once a plan's writes have all succeeded. */
    private static RatchetInput applied(RatchetInput input, SyncPlan plan) {
        Set<Email> unsubscribed = new HashSet<>(input.unsubscribed());
        unsubscribed.addAll(plan.imports());
        Set<SalesforceId> pushed = new HashSet<>(plan.pushes());
        List<MirrorRecord> mirror = new ArrayList<>();
        for (MirrorRecord record : input.mirror()) {
            mirror.add(pushed.contains(record.id()) ? record.withOptedOut(true) : record);
        }
        return new RatchetInput(unsubscribed, input.linkedIds(), mirror, input.settings(), input.blockedObjects());
    }

    private static Map<SalesforceId, MirrorRecord> index(java.util.Collection<MirrorRecord> mirror) {
        Map<SalesforceId, MirrorRecord> byId = new LinkedHashMap<>();
        mirror.forEach(record -> byId.put(record.id(), record));
        return byId;
    }
}
