package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.state.FieldAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritesTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void aThousandIdsAreWrittenInExactlyFiveUpdateCallsWithOneOutcomeEachInOrder() throws Exception {
        try (LocalOrg org = TestOrgs.start(1800);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 1000);
            long calls = connected.records().callsMade();
            int used = org.apiCallsUsed();

            List<WriteOutcome> outcomes = connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true);

            assertThat(connected.records().callsMade() - calls).isEqualTo(5);
            assertThat(org.apiCallsUsed() - used).isEqualTo(5);
            assertThat(outcomes).extracting(WriteOutcome::id).containsExactlyElementsOf(ids);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.result()).isEqualTo(WriteOutcome.Result.WRITTEN));
            assertThat(org.state().read(ids.get(999).value()).optedOut()).isTrue();
        }
    }

    @Test
    void aConvertedLeadIsRefusedForGoodWithSalesforcesCodeAndMessage() throws Exception {
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            SalesforceId lead =
                    SalesforceId.parse(org.state().seeded().orElseThrow().convertedLeadId());
            WriteOutcome outcome = connected
                    .records()
                    .setOptOut(SObjectType.LEAD, OPT_OUT, List.of(lead), true)
                    .get(0);
            assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.PERMANENT);
            assertThat(outcome.statusCode()).contains("CANNOT_UPDATE_CONVERTED_LEAD");
            assertThat(outcome.message()).hasValueSatisfying(m -> assertThat(m).isNotBlank());
        }
    }

    @Test
    void aDeletedRecordIsRefusedForGood() throws Exception {
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 2);
            org.state().delete(ids.get(0).value());
            List<WriteOutcome> outcomes = connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true);
            assertThat(outcomes.get(0).statusCode()).contains("ENTITY_IS_DELETED");
            assertThat(outcomes.get(0).result()).isEqualTo(WriteOutcome.Result.PERMANENT);
            assertThat(outcomes.get(1).result()).isEqualTo(WriteOutcome.Result.WRITTEN);
        }
    }

    @Test
    void aReadOnlyFieldIsRefusedForGoodPerRecord() throws Exception {
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 3);
            org.state().setFieldAccess("Contact", OPT_OUT, FieldAccess.READONLY);
            assertThat(connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true))
                    .allSatisfy(o -> {
                        assertThat(o.result()).isEqualTo(WriteOutcome.Result.PERMANENT);
                        assertThat(o.statusCode()).contains("INVALID_FIELD_FOR_INSERT_UPDATE");
                    });
        }
    }

    @Test
    void injectedRecordErrorsAreClassifiedRetryableOrPermanent() throws Exception {
        List<String> retryable = List.of("UNABLE_TO_LOCK_ROW", "QUERY_TIMEOUT", "SERVICE_UNAVAILABLE");
        List<String> permanent = List.of(
                "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                "ENTITY_IS_LOCKED",
                "INSUFFICIENT_ACCESS_OR_READONLY",
                "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                "CANNOT_UPDATE_CONVERTED_LEAD",
                "ENTITY_IS_DELETED");
        try (LocalOrg org = TestOrgs.start(50);
                ForceWscOrg connected = orgs.connect(org)) {
            List<SalesforceId> ids = TestOrgs.contacts(connected, 2);
            List<String> all = new ArrayList<>(retryable);
            all.addAll(permanent);
            for (String code : all) {
                org.faults().clear().failRecords("update", code, 1.0);
                WriteOutcome outcome = connected
                        .records()
                        .setOptOut(SObjectType.CONTACT, OPT_OUT, ids, true)
                        .get(0);
                assertThat(outcome.statusCode()).as(code).contains(code);
                assertThat(outcome.message()).as(code).isPresent();
                assertThat(outcome.result())
                        .as(code)
                        .isEqualTo(
                                retryable.contains(code)
                                        ? WriteOutcome.Result.RETRYABLE
                                        : WriteOutcome.Result.PERMANENT);
            }
        }
        assertThat(FaultClassifier.recordResult("SERVER_UNAVAILABLE")).isEqualTo(WriteOutcome.Result.RETRYABLE);
    }
}
