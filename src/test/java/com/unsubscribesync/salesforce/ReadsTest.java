package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.state.SeedSummary;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadsTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private static LocalOrg org;
    private final TestOrgs orgs = new TestOrgs();

    @BeforeAll
    static void start() throws Exception {
        org = TestOrgs.start(300);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    void aFullReadOfMoreThan10000RowsTakesExactlyOneQueryCallPer2000Rows() throws Exception {
        try (LocalOrg big = TestOrgs.start(17_000);
                ForceWscOrg connected = orgs.connect(big)) {
            int rows = big.state().count("Contact");
            assertThat(rows).isGreaterThan(10_000);
            long callsBefore = connected.records().callsMade();
            int usedBefore = big.apiCallsUsed();
            List<Integer> chunkSizes = new ArrayList<>();
            List<OrgRecord> live = new ArrayList<>();
            connected.records().pullChanged(SObjectType.CONTACT, OPT_OUT, Optional.empty(), chunk -> {
                chunkSizes.add(chunk.size());
                chunk.stream().filter(r -> !r.deleted()).forEach(live::add);
            });

            int read = chunkSizes.stream().mapToInt(Integer::intValue).sum();
            long expectedCalls = (read + 1999) / 2000;
            assertThat(live).hasSize(rows);
            assertThat(chunkSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(2000));
            assertThat(connected.records().callsMade() - callsBefore).isEqualTo(expectedCalls);
            assertThat(big.apiCallsUsed() - usedBefore).isEqualTo((int) expectedCalls);
        }
    }

    @Test
    void anIncrementalReadReturnsOnlyRowsChangedAfterTheWatermarkInOneCall() throws Exception {
        try (LocalOrg org = TestOrgs.start(100);
                ForceWscOrg connected = orgs.connect(org)) {
            Instant watermark = connected.records().serverTime();
            List<String> contacts = ids(connected, SObjectType.CONTACT);
            // Salesforce compares times to the second: the changes below must fall in a later one.
            Eventually.within(Duration.ofSeconds(5))
                    .until(
                            "the org's clock to pass the watermark's second",
                            () -> connected.records().serverTime().truncatedTo(ChronoUnit.SECONDS),
                            now -> now.isAfter(watermark.truncatedTo(ChronoUnit.SECONDS)));
            org.state().setOptedOut(contacts.get(3), true);
            org.state().setEmail(contacts.get(4), "moved@example.com");
            long before = connected.records().callsMade();
            List<OrgRecord> changed = new ArrayList<>();
            connected.records().pullChanged(SObjectType.CONTACT, OPT_OUT, Optional.of(watermark), changed::addAll);

            assertThat(connected.records().callsMade() - before).isEqualTo(1);
            assertThat(changed)
                    .extracting(r -> r.id().value())
                    .containsExactlyInAnyOrder(contacts.get(3), contacts.get(4));
            assertThat(changed)
                    .filteredOn(r -> r.id().value().equals(contacts.get(3)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.optedOut()).isTrue());
            assertThat(changed)
                    .filteredOn(r -> r.id().value().equals(contacts.get(4)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.email()).contains(Email.parse("moved@example.com")));
            assertThat(changed).allSatisfy(r -> assertThat(r.systemModstamp()).isAfter(watermark.minusSeconds(1)));
        }
    }

    @Test
    void convertedLeadsComeWithTheContactTheyBecame() {
        SeedSummary seeded = org.state().seeded().orElseThrow();
        try (ForceWscOrg connected = orgs.connect(org)) {
            List<OrgRecord> leads = new ArrayList<>();
            connected.records().pullChanged(SObjectType.LEAD, OPT_OUT, Optional.empty(), leads::addAll);
            OrgRecord converted = leads.stream()
                    .filter(r -> r.id().value().equals(seeded.convertedLeadId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(converted.converted()).isTrue();
            assertThat(converted.convertedContactId()).isPresent();
            assertThat(converted.convertedContactId().get().objectType()).isEqualTo(SObjectType.CONTACT);
            assertThat(leads)
                    .filteredOn(r -> !r.converted())
                    .allSatisfy(r -> assertThat(r.convertedContactId()).isEmpty());
        }
    }

    @Test
    void findingByEmailMatchesEveryRecordWithTheAddressAndNothingElse() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            String shared = org.state().seeded().orElseThrow().sharedEmail();
            List<OrgRecord> found = new ArrayList<>();
            found.addAll(connected.records().findByEmails(SObjectType.CONTACT, OPT_OUT, List.of(Email.parse(shared))));
            found.addAll(connected.records().findByEmails(SObjectType.LEAD, OPT_OUT, List.of(Email.parse(shared))));
            assertThat(found)
                    .extracting(r -> r.id().value())
                    .containsExactlyInAnyOrderElementsOf(org.state().idsWithEmail(shared));
        }
    }

    @Test
    void hostileEmailsCannotChangeTheLookupQuery() {
        String quoted = "o'brien@example.com";
        String backslashed = "back\\slash@example.com";
        String injection = "x'or''='@example.com";
        String escapeThenQuote = "a\\'or'1'='1@example.com";
        String contact = org.state().addContact("Pat", "O'Brien", quoted);
        String other = org.state().addContact("Bo", "Slash", backslashed);
        try (ForceWscOrg connected = orgs.connect(org)) {
            for (String raw : List.of(quoted, backslashed, injection, escapeThenQuote)) {
                assertThat(Email.parse(raw).value()).isEqualTo(raw);
            }
            List<OrgRecord> found = connected
                    .records()
                    .findByEmails(
                            SObjectType.CONTACT,
                            OPT_OUT,
                            List.of(
                                    Email.parse(quoted),
                                    Email.parse(backslashed),
                                    Email.parse(injection),
                                    Email.parse(escapeThenQuote)));
            assertThat(found).extracting(r -> r.id().value()).containsExactlyInAnyOrder(contact, other);
            assertThat(found)
                    .extracting(r -> r.rawEmail().orElseThrow())
                    .containsExactlyInAnyOrder(quoted, backslashed);
        }
    }

    @Test
    void lookupsOfManyAddressesFillStatementsUpToSoqlsLengthLimit() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            List<Email> emails = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                emails.add(Email.parse("nobody" + i + "@example.com"));
            }
            long before = connected.records().callsMade();
            assertThat(connected.records().findByEmails(SObjectType.LEAD, OPT_OUT, emails))
                    .isEmpty();
            // About 27 characters an address: 270 000 characters of values need three statements of 100 000.
            assertThat(connected.records().callsMade() - before).isEqualTo(3);
        }
    }

    @Test
    void onlyRecordsChangedSinceAreReportedAndADeletedOneComesBackFlagged() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T10:00:30Z");
        try (LocalOrg org =
                        LocalOrg.start(LocalOrgOptions.defaults().withPeople(0).withClock(clock));
                ForceWscOrg connected = orgs.connect(org)) {
            String same = org.state().addContact("Al", "Be", "al@example.com");
            String edited = org.state().addContact("Ce", "De", "ce@example.com");
            String deleted = org.state().addContact("Ef", "Gh", "ef@example.com");
            clock.advance(Duration.ofMinutes(5));
            Instant since = clock.instant();
            clock.advance(Duration.ofMinutes(5));
            org.state().setEmail(edited, "ce.new@example.com");
            org.state().delete(deleted);

            List<OrgRecord> changed = connected
                    .records()
                    .changedSince(
                            SObjectType.CONTACT,
                            OPT_OUT,
                            List.of(SalesforceId.parse(same), SalesforceId.parse(edited), SalesforceId.parse(deleted)),
                            since);

            assertThat(changed).extracting(r -> r.id().value()).containsExactlyInAnyOrder(edited, deleted);
            assertThat(changed)
                    .filteredOn(r -> r.id().value().equals(edited))
                    .singleElement()
                    .satisfies(r -> assertThat(r.rawEmail()).contains("ce.new@example.com"));
            assertThat(changed)
                    .filteredOn(OrgRecord::deleted)
                    .extracting(r -> r.id().value())
                    .containsExactly(deleted);
        }
    }

    @Test
    void aChangeMadeInTheSameSecondAsTheWatermarkButAfterItIsRead() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T10:00:05.200Z");
        try (LocalOrg org =
                        LocalOrg.start(LocalOrgOptions.defaults().withPeople(30).withClock(clock));
                ForceWscOrg connected = orgs.connect(org)) {
            Instant watermark = connected.records().serverTime();
            assertThat(watermark).isEqualTo(Instant.parse("2026-03-02T10:00:05.200Z"));
            String contact = ids(connected, SObjectType.CONTACT).get(7);
            clock.set(Instant.parse("2026-03-02T10:00:05.800Z"));
            org.state().setOptedOut(contact, true);
            clock.set(Instant.parse("2026-03-02T10:00:09Z"));

            List<OrgRecord> pulled = new ArrayList<>();
            connected.records().pullChanged(SObjectType.CONTACT, OPT_OUT, Optional.of(watermark), pulled::addAll);
            assertThat(pulled)
                    .as("Salesforce stored the change as 10:00:05, the watermark's own second")
                    .filteredOn(r -> r.id().value().equals(contact))
                    .singleElement()
                    .satisfies(r -> assertThat(r.optedOut()).isTrue());
            assertThat(connected
                            .records()
                            .changedSince(
                                    SObjectType.CONTACT, OPT_OUT, List.of(SalesforceId.parse(contact)), watermark))
                    .extracting(r -> r.id().value())
                    .containsExactly(contact);
        }
    }

    @Test
    void deletedRecordsAreToldApartFromRecordsMergedAway() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T10:00:30Z");
        try (LocalOrg org = LocalOrg.start(
                        LocalOrgOptions.defaults().withPeople(100).withClock(clock));
                ForceWscOrg connected = orgs.connect(org)) {
            Instant start = connected.records().serverTime().minusSeconds(60);
            List<String> contacts = ids(connected, SObjectType.CONTACT);
            String deleted = contacts.get(10);
            String winner = contacts.get(11);
            String loser = contacts.get(12);
            org.state().delete(deleted);
            org.state().merge(winner, loser);
            clock.advance(Duration.ofMinutes(2));
            Instant end = connected.records().serverTime();

            List<OrgRecord> gone = connected.records().deletedBetween(SObjectType.CONTACT, OPT_OUT, start, end);
            assertThat(gone)
                    .extracting(r -> r.id().value())
                    .contains(deleted, loser)
                    .doesNotContain(winner);
            assertThat(gone).allSatisfy(r -> assertThat(r.deleted()).isTrue());
            assertThat(gone)
                    .filteredOn(r -> r.id().value().equals(deleted))
                    .singleElement()
                    .satisfies(r -> assertThat(r.masterRecordId()).isEmpty());
            assertThat(gone)
                    .filteredOn(r -> r.id().value().equals(loser))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(r.masterRecordId().orElseThrow().value()).isEqualTo(winner));
        }
    }

    private static List<String> ids(ForceWscOrg connected, SObjectType type) {
        List<String> ids = new ArrayList<>();
        connected
                .records()
                .pullChanged(
                        type,
                        OPT_OUT,
                        Optional.empty(),
                        chunk -> chunk.stream()
                                .filter(r -> r.email().isPresent() && !r.converted() && !r.deleted())
                                .forEach(r -> ids.add(r.id().value())));
        return ids;
    }
}
