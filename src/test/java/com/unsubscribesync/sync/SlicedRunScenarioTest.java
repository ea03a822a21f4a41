package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PlannedConflict;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.PersonView;
import com.unsubscribesync.localorg.state.SeedSummary;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.RunPlanRepository;
import com.unsubscribesync.testing.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The nightly run planned three addresses at a time, end to end through force-wsc and the local org: the rules
 * that need the whole org (an address shared by a Lead and a Contact, conversions, merges, addresses Salesforce
 * does not have) hold across slice boundaries, and no read of the run returns more than a slice's rows.
 */
class SlicedRunScenarioTest {
    private static final int SLICE = 3;

    private LocalOrg org;
    private Database database;
    private EngineHarness engine;

    private void start(Function<LocalOrgOptions, LocalOrgOptions> options) throws Exception {
        org = EngineHarness.startOrg(options);
        database = Database.openInMemory("sliced-run-" + UUID.randomUUID());
        engine = new EngineHarness(org, database, SLICE);
    }

    @AfterEach
    void stop() {
        engine.close();
        database.close();
        org.close();
    }

    @Test
    void aPreviewInSlicesOfThreeIsThePlanOfOneSliceAndTheRunThenDoesExactlyThat() throws Exception {
        start(options -> options.withPeople(200));
        SeedSummary seeded = org.state().seeded().orElseThrow();
        engine.unsubscribe(seeded.sharedEmail());
        PersonView converted = engine.admin().read(seeded.convertedLeadId());
        engine.link(converted.email(), converted.id());
        engine.unsubscribe(converted.email());
        PersonView deleted = engine.admin().read(seeded.deletedLeadId());
        engine.link(deleted.email(), deleted.id());
        engine.unsubscribe(deleted.email());
        for (int i = 0; i < 4; i++) {
            engine.unsubscribe("nobody" + i + "@nowhere.test");
            engine.admin().addContact("Lo", "Cal" + i, "local" + i + "@acme.test");
            engine.unsubscribe("local" + i + "@acme.test");
        }
        EngineHarness oneSlice = new EngineHarness(org, database);

        RunReport preview = engine.preview();
        RunReport wholePreview = oneSlice.preview();
        oneSlice.close();

        assertThat(preview.plan()).isEqualTo(wholePreview.plan());
        assertThat(List.of(preview.pushed(), preview.imported(), preview.conflicts(), preview.apiCalls()))
                .isEqualTo(List.of(
                        wholePreview.pushed(),
                        wholePreview.imported(),
                        wholePreview.conflicts(),
                        wholePreview.apiCalls()));
        assertThat(preview.plan().pushes())
                .as("the sample is the whole plan here")
                .hasSize(preview.pushed())
                .hasSizeGreaterThan(SLICE);
        assertThat(preview.plan().imports()).hasSize(preview.imported()).hasSizeGreaterThan(SLICE);
        assertThat(preview.plan().conflicts()).hasSize(preview.conflicts()).hasSizeGreaterThan(SLICE);

        RunReport run = engine.run();

        assertThat(List.of(run.pushed(), run.imported(), run.conflicts()))
                .isEqualTo(List.of(preview.pushed(), preview.imported(), preview.conflicts()));
        for (SalesforceId pushed : preview.plan().pushes()) {
            assertThat(engine.admin().read(pushed.value()).optedOut())
                    .as(pushed.value())
                    .isTrue();
        }
        for (Email imported : preview.plan().imports()) {
            assertThat(engine.unsubscribes.find(imported))
                    .get()
                    .extracting(u -> u.source())
                    .isEqualTo(UnsubscribeSource.SALESFORCE_SYNC);
        }
        assertThat(engine.conflicts.open(Optional.empty(), 1000))
                .extracting(SlicedRunScenarioTest::identity)
                .containsExactlyInAnyOrderElementsOf(preview.plan().conflicts().stream()
                        .map(SlicedRunScenarioTest::identity)
                        .toList());
        RunReport again = engine.run();
        assertThat(List.of(again.pushed(), again.imported(), again.conflicts())).containsOnly(0);
        assertThat(new RunPlanRepository(database).count())
                .as("plans left behind")
                .isZero();
    }

    @Test
    void convertedLeadWhoseContactHasAnAddressInAnotherSliceOptsOutTheContactAndEveryRecordWithThatAddress()
            throws Exception {
        start(options -> options);
        String lead = engine.admin().addLead("Ab", "Cd", "aa.lead@acme.test", "Acme");
        String contact = engine.admin().convertLead(lead);
        engine.admin().setEmail(contact, "zz.contact@acme.test");
        String sameAddress = engine.admin().addLead("Zed", "Zu", "zz.contact@acme.test", "Zeta");
        fillBetween("aa.lead", "zz.contact");

        engine.unsubscribe("aa.lead@acme.test");
        engine.run();

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.admin().read(sameAddress).optedOut())
                .as("match by email from the contact's address")
                .isTrue();
        assertThat(engine.admin().read(lead).optedOut())
                .as("a converted lead is not written")
                .isFalse();
        assertThat(engine.unsubscribes.find(Email.parse("zz.contact@acme.test")))
                .get()
                .extracting(u -> u.source())
                .isEqualTo(UnsubscribeSource.SALESFORCE_SYNC);
    }

    @Test
    void contactMergedAwayLeadsToItsMasterWhoseAddressIsInAnotherSlice() throws Exception {
        TestClock orgClock = TestClock.atNow();
        start(options -> options.withClock(orgClock));
        String loser = engine.admin().addContact("Bb", "Lo", "bb.loser@acme.test");
        String winner = engine.admin().addContact("Yy", "Wi", "yy.winner@acme.test");
        engine.run();
        engine.merge(winner, loser, orgClock);
        engine.link("bb.loser@acme.test", loser);
        engine.settings(s -> s.withMatchByEmail(false));
        fillBetween("bb.loser", "yy.winner");

        engine.unsubscribe("bb.loser@acme.test");
        engine.run();

        assertThat(engine.admin().read(winner).optedOut()).isTrue();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.RECORD_DELETED), 10))
                .isEmpty();
        assertThat(engine.unsubscribes.find(Email.parse("yy.winner@acme.test")))
                .as("the master's address")
                .isPresent();
    }

    @Test
    void leadAndContactWithOneAddressAreBothOptedOutAmongManySlices() throws Exception {
        start(options -> options);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String address = "pair" + i + "@acme.test";
            pairs.add(engine.admin().addContact("Co", "N" + i, address));
            pairs.add(engine.admin().addLead("Le", "N" + i, address.toUpperCase(Locale.ROOT), "Acme"));
            engine.unsubscribe(address);
        }

        engine.run();

        for (String id : pairs) {
            assertThat(engine.admin().read(id).optedOut()).as(id).isTrue();
        }
    }

    @Test
    void everyUnsubscribedAddressWithoutARecordIsOneNotInSalesforceConflictAcrossSlices() throws Exception {
        start(options -> options);
        List<String> nowhere = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            nowhere.add("n" + i + "a.nowhere@acme.test");
            engine.admin().addContact("So", "Me" + i, "n" + i + "b.somewhere@acme.test");
            engine.unsubscribe("n" + i + "a.nowhere@acme.test");
            engine.unsubscribe("n" + i + "b.somewhere@acme.test");
        }

        engine.run();

        assertThat(engine.conflicts.open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 100))
                .extracting(c -> c.email().orElseThrow().value())
                .containsExactlyInAnyOrderElementsOf(nowhere);
    }

    @Test
    void noReadOfARunReturnsMoreThanASliceOfRowsWhateverTheSizeOfTheOrg() throws Exception {
        start(options -> options.withPeople(1500));
        for (int i = 0; i < 60; i++) {
            engine.admin().addContact("P", "N" + i, "p" + i + "@bulk.test");
            engine.unsubscribe("p" + i + "@bulk.test");
        }
        countSelects();

        RunReport report = engine.run();
        engine.preview();

        Map<String, long[]> during = selects();
        assertThat(report.pulled()).isGreaterThan(1500);
        assertThat(report.pushed()).isGreaterThanOrEqualTo(60);
        assertThat(report.imported()).as("Salesforce opt-outs of 1 500 people").isGreaterThan(30);
        long largest = during.values().stream().mapToLong(s -> s[1]).max().orElseThrow();
        String worst = during.entrySet().stream()
                .filter(e -> e.getValue()[1] == largest)
                .findFirst()
                .orElseThrow()
                .getKey();
        // Three addresses bring at most a few records each (a Contact, a Lead with its address, a converted Lead).
        assertThat(largest).as("rows returned by " + worst).isLessThanOrEqualTo(4L * SLICE);
        long pages = during.entrySet().stream()
                .filter(e -> e.getKey().contains("FROM plan_addresses WHERE"))
                .mapToLong(e -> e.getValue()[0])
                .sum();
        assertThat(pages)
                .as("reads of the plan's addresses")
                .isGreaterThanOrEqualTo(2L * (60 + report.imported()) / SLICE);
    }

    private void fillBetween(String low, String high) {
        for (int i = 0; i < 2 * SLICE; i++) {
            engine.unsubscribe(low.charAt(0) + "m.filler" + i + "@acme.test");
        }
        assertThat(low.compareTo(high)).isNegative();
    }

    private void countSelects() throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
            statement.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    /** Every SELECT since {@link #countSelects}: how often it ran and the most rows it returned at once. */
    private Map<String, long[]> selects() throws SQLException {
        Map<String, long[]> selects = new LinkedHashMap<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT, MAX_ROW_COUNT "
                    + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT LIKE 'SELECT%' "
                    + "AND SQL_STATEMENT NOT LIKE '%INFORMATION_SCHEMA%'")) {
                while (rows.next()) {
                    selects.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
                }
            }
        }
        return selects;
    }

    private static List<Object> identity(Conflict conflict) {
        return List.of(conflict.kind(), conflict.email(), conflict.recordId());
    }

    private static List<Object> identity(PlannedConflict conflict) {
        return List.of(conflict.kind(), conflict.email(), conflict.recordId());
    }
}
