package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.localorg.state.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An opted-out lead converted into a contact keeps its opt-out, and the nightly run imports it. Found while
 * building the ratchet model: the admin's resubscribe with {@code --also-salesforce} skipped converted leads, so
 * the next run unsubscribed the address again without anyone being told.
 */
class ResubscribeConvertedLeadTest {
    private static final Email ANN = Email.parse("ann@acme.test");

    private EngineHarness engine;
    private String lead;
    private String contact;

    @BeforeEach
    void convertAnOptedOutLead() throws Exception {
        engine = EngineHarness.standalone(options -> options);
        lead = engine.admin().addLead("Ann", "Lee", "Ann@acme.test", "Acme");
        engine.admin().setOptedOut(lead, true);
        engine.run();
        contact = engine.admin().convertLead(lead);
        engine.run();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void resubscribeAlsoInSalesforceUnchecksTheConvertedLeadSoTheNextRunLeavesTheAddressAlone() {
        engine.admin().setPermission(Permission.EDIT_CONVERTED_LEADS, true);

        Resubscriber.Result result = engine.resubscriber().resubscribe(ANN, "asked on the phone", "admin", true);
        engine.run();

        assertThat(result.uncheckedInSalesforce())
                .extracting(c -> c.id().value(), Resubscriber.RecordChange::changed)
                .containsExactlyInAnyOrder(tuple(lead, true), tuple(contact, true));
        assertThat(engine.unsubscribes.find(ANN))
                .as("not unsubscribed again by the run")
                .isEmpty();
        assertThat(engine.admin().read(lead).optedOut()).isFalse();
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
    }

    @Test
    void aConvertedLeadSalesforceKeepsReadOnlyIsNamedWithWhatHappensNext() {
        Resubscriber.Result result = engine.resubscriber().resubscribe(ANN, "asked on the phone", "admin", true);

        assertThat(result.uncheckedInSalesforce())
                .filteredOn(c -> c.id().value().equals(lead))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.changed()).isFalse();
                    assertThat(change.detail())
                            .contains("CANNOT_UPDATE_CONVERTED_LEAD")
                            .contains("next run unsubscribes the address again");
                });
        assertThat(engine.admin().read(contact).optedOut()).isFalse();
    }
}
