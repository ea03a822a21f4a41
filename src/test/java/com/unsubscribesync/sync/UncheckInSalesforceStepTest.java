package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.HistoryEntry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's resubscribe leaves Salesforce alone; unchecking the opt-out is a separate step that first names the
 * checked records and then writes "not opted out" on exactly the ones the admin confirmed (through force-wsc against
 * the local org).
 */
class UncheckInSalesforceStepTest {
    private static final Email ANN = Email.parse("ann@acme.test");

    private EngineHarness engine;
    private String lead;
    private String contact;

    @BeforeEach
    void optOutALeadAndAContact() throws Exception {
        engine = EngineHarness.standalone(options -> options);
        lead = engine.admin().addLead("Ann", "Lee", "ann@acme.test", "Acme");
        contact = engine.admin().addContact("Ann", "Lee", "ann@acme.test");
        engine.admin().setOptedOut(lead, true);
        engine.admin().setOptedOut(contact, true);
        engine.run();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aResubscribeWithoutTheStepLeavesEveryRecordCheckedAndTheStepNamesThem() {
        engine.resubscriber().resubscribe(ANN, "asked on the phone", "admin", false);

        assertThat(engine.admin().read(lead).optedOut()).isTrue();
        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.resubscriber().optedOutInSalesforce(ANN))
                .extracting(r -> r.id().value())
                .containsExactlyInAnyOrder(lead, contact);
        assertThat(engine.admin().read(lead).optedOut())
                .as("naming them writes nothing")
                .isTrue();
    }

    @Test
    void theStepUnchecksOnlyTheConfirmedRecordsAndSaysSoInTheHistory() {
        engine.resubscriber().resubscribe(ANN, "asked on the phone", "admin", false);
        List<Resubscriber.OptedOutRecord> confirmed = engine.resubscriber().optedOutInSalesforce(ANN).stream()
                .filter(r -> r.id().value().equals(lead))
                .toList();

        List<Resubscriber.RecordChange> changes = engine.resubscriber().uncheckInSalesforce(ANN, confirmed, "admin");

        assertThat(changes)
                .singleElement()
                .satisfies(c -> assertThat(c.changed()).isTrue());
        assertThat(engine.admin().read(lead).optedOut()).isFalse();
        assertThat(engine.admin().read(contact).optedOut())
                .as("not confirmed, not touched")
                .isTrue();
        assertThat(engine.unsubscribes.history(ANN))
                .extracting(HistoryEntry::action)
                .containsExactly(
                        HistoryEntry.Action.UNSUBSCRIBE,
                        HistoryEntry.Action.RESUBSCRIBE,
                        HistoryEntry.Action.UNCHECKED_IN_SALESFORCE);
    }
}
