package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
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
    private static final List<String> HOSTILE = List.of("x'+or+id!=null--@example.com", "a\\'or''='@example.com",
            "o'brien@example.com");

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
        Path corpus = Path.of(getClass().getResource("/hostile-csv/soql-injection-addresses.csv").toURI());

        ImportReport imported = new UnsubscribeImporter(engine.unsubscribes, engine.clock, scratch).importFile(corpus,
                new ImportOptions(false, false), "tester");
        PushReport pushed = engine.pusher.drain();
        RunReport run = engine.run();

        assertThat(imported.added()).isEqualTo(HOSTILE.size());
        assertThat(pushed.written()).isEqualTo(HOSTILE.size());
        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        Map<String, Boolean> after = optOuts();
        before.forEach((id, optedOut) -> assertThat(after.get(id)).as("%s (%s)", id, own.getOrDefault(id, "another"))
                .isEqualTo(optedOut || own.containsKey(id)));
        assertThat(engine.conflicts.open(Optional.empty(), 10)).isEmpty();
    }

    /** Every Contact and Lead Salesforce keeps, with its Email Opt Out, read over the API. */
    private Map<String, Boolean> optOuts() {
        Map<String, Boolean> optedOut = new HashMap<>();
        for (SObjectType type : SObjectType.values()) {
            engine.salesforce.pullChanged(type, OptOutField.EMAIL_OPT_OUT_API_NAME, Optional.empty(),
                    rows -> rows.forEach(r -> optedOut.put(r.id().value(), r.optedOut())));
        }
        return optedOut;
    }
}
