package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.SyncRun;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Addresses built to break out of a SOQL string ({@code x'+or+id!=null--@example.com} and friends) are valid
 * addresses: imported, pushed and synced, they reach their own records and nobody else's.
 */
class HostileAddressesTest {
    private static final List<String> HOSTILE =
            List.of("x'+or+id!=null--@example.com", "a\\'or''='@example.com", "o'brien@example.com");

    private EngineHarness engine;
    private final Map<String, String> own = new HashMap<>();

    /** The seeded org's own opt-outs are synced first, so that what changes afterwards is the import's doing. */
    @BeforeEach
    void everyHostileAddressHasAContactOfItsOwn() throws Exception {
        engine = EngineHarness.standalone(options -> options.withPeople(60));
        HOSTILE.forEach(email -> own.put(engine.admin().addContact("H", "Ostile", email), email));
        engine.run();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @org.junit.jupiter.api.io.TempDir
    Path scratch;

    @Test
    void importedPushedAndSyncedTheyOptOutTheirOwnRecordsOnly() throws Exception {
        Map<String, Boolean> before = optOuts();
        Path corpus = Path.of(getClass()
                .getResource("/hostile-csv/soql-injection-addresses.csv")
                .toURI());

        ImportReport imported = new UnsubscribeImporter(engine.unsubscribes, engine.clock, scratch)
                .importFile(corpus, new ImportOptions(false, false), "tester");
        PushReport pushed = engine.pusher.drain();
        RunReport run = engine.run();

        assertThat(imported.added()).isEqualTo(HOSTILE.size());
        assertThat(pushed.written()).isEqualTo(HOSTILE.size());
        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        Map<String, Boolean> after = optOuts();
        before.forEach((id, optedOut) -> assertThat(after.get(id))
                .as("%s (%s)", id, own.getOrDefault(id, "another"))
                .isEqualTo(optedOut || own.containsKey(id)));
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void anInternationalAddressReachesItsRecordWhicheverSpellingSalesforceHolds() {
        long before = engine.unsubscribes.count();
        // Added after the run, so the pusher looks them up in Salesforce by email, not in the mirror.
        String unicodeHeld = engine.admin().addContact("Ann", "M\u00fcller", "ann@m\u00fcnchen.de");
        String asciiHeld = engine.admin().addContact("Bob", "B\u00fccher", "bob@xn--bcher-kva.de");
        String dottedHeld = engine.admin().addContact("Info", "Desk", "info@example.org");

        engine.unsubscribes.add(manual("ANN@XN--MNCHEN-3YA.DE"));
        engine.unsubscribes.add(manual("bob@b\u00fccher.de"));
        engine.unsubscribes.add(manual("\u0130NFO@example.org"));
        PushReport pushed = engine.pusher.drain();

        assertThat(pushed.written()).isEqualTo(3);
        assertThat(List.of(unicodeHeld, asciiHeld, dottedHeld))
                .allSatisfy(id ->
                        assertThat(engine.admin().read(id).optedOut()).as(id).isTrue());
        RunReport run = engine.run();
        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(run.imported()).isZero();
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
        assertThat(engine.unsubscribes.count()).isEqualTo(before + 3);
    }

    @Test
    void recordsWithAddressesThisAppRefusesAreLeftAsIfTheyHadNoneAndTheRunGoesOn() {
        List<String> strange = List.of(
                "zero\u200bwidth@example.com",
                "\ufeffbom@example.com",
                "soft@exam\u00adple.com",
                "sharp@stra\u00dfe.de",
                "rlo@\u202eelpmaxe.com");
        List<String> ids = strange.stream()
                .map(email -> engine.admin().addContact("Odd", "Address", email))
                .toList();
        ids.forEach(id -> engine.admin().setOptedOut(id, true));
        String dotted = engine.admin().addContact("Dotted", "Capital", "\u0130NFO@example.net");
        engine.admin().setOptedOut(dotted, true);

        RunReport run = engine.run();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(engine.unsubscribes.isUnsubscribed(Email.parse("info@example.net")))
                .isTrue();
        assertThat(engine.unsubscribes.list(null, 100_000, 0))
                .extracting(row -> row.unsubscribe().email().value())
                .noneMatch(email -> email.contains("width")
                        || email.contains("bom@")
                        || email.contains("soft@")
                        || email.contains("sharp@")
                        || email.contains("rlo@"));
        assertThat(engine.mirror.liveByEmail(java.util.Set.of(Email.parse("info@example.net"))))
                .containsKey(Email.parse("info@example.net"));
    }

    private Unsubscribe manual(String typed) {
        return new Unsubscribe(
                Email.parse(typed), engine.clock.instant(), UnsubscribeSource.MANUAL, "tester", Optional.empty());
    }

    /** Every Contact and Lead Salesforce keeps, with its Email Opt Out, read over the API. */
    private Map<String, Boolean> optOuts() {
        Map<String, Boolean> optedOut = new HashMap<>();
        for (SObjectType type : SObjectType.values()) {
            engine.salesforce.pullChanged(
                    type,
                    OptOutField.EMAIL_OPT_OUT_API_NAME,
                    Optional.empty(),
                    rows -> rows.forEach(r -> optedOut.put(r.id().value(), r.optedOut())));
        }
        return optedOut;
    }
}
