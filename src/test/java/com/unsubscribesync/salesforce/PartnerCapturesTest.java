package com.unsubscribesync.salesforce;

import static com.unsubscribesync.salesforce.EveryCaptureReplaysTest.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.LeadConvertResult;
import com.sforce.soap.partner.MergeRequest;
import com.sforce.soap.partner.MergeResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Partner SOAP answers of real orgs, replayed to force-wsc, and what the app's adapter makes of them. */
class PartnerCapturesTest {
    private static final SalesforceId CONTACT = SalesforceId.parse("003xx000004TmiQAAS");
    /** The replication window the captured getDeleted and getUpdated answers were asked for. */
    private static final String WINDOW_START = "2020-06-15T05:05:53Z";

    private static final String WINDOW_END = "2020-06-30T05:05:53Z";

    @RegisterExtension
    final Replay replay = new Replay();

    @Test
    void aRealUserInfoAnswerNamesTheOrgAndTheUserTheConnectionIsFor() {
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            OrgIdentity identity = connected.records().identity();
            assertThat(identity.organizationId()).isEqualTo("00DA0000000aDfHMAU");
            assertThat(identity.organizationName()).isEqualTo("HCCP");
            assertThat(identity.userId()).isEqualTo("005A0000001KH08IAG");
            assertThat(identity.userName()).isEqualTo("eerla@force.hccp.org");
            assertThat(identity.instanceUrl()).isEqualTo(replay.server().url());
            assertThat(identity.demo()).isFalse();
        }
    }

    @Test
    void aRealExpiredSessionFaultGetsTheCallRepeatedOnceWithANewSession() {
        ReplayedOrgs.CountingSessions sessions = replay.orgs().sessions();
        replay.server().thenCapture("partner-fault-invalid-session-id.xml").thenCapture("partner-query-contacts.xml");
        try (ForceWscOrg connected = replay.orgs().open(sessions)) {
            LayoutPermissions permissions = connected.layouts().layoutPermissions();

            assertThat(permissions.modifyAllData()).isFalse();
            assertThat(sessions.renewals).hasValue(1);
            List<ReplayServer.Request> calls = replay.server().requestsUnderTest();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).body()).contains("replayed-session-0");
            assertThat(calls.get(1).body()).contains("replayed-session-1").doesNotContain("replayed-session-0");
        }
    }

    @Test
    void aRealExpiredSessionFaultThatPersistsAfterRenewalIsReportedAsAuthenticationToConnectAgain() {
        ReplayedOrgs.CountingSessions sessions = replay.orgs().sessions();
        replay.server()
                .thenCapture("partner-fault-invalid-session-id.xml")
                .thenCapture("partner-fault-invalid-session-id.xml");
        try (ForceWscOrg connected = replay.orgs().open(sessions)) {
            SalesforceLayouts layouts = connected.layouts();
            assertThatThrownBy(layouts::layoutPermissions).isInstanceOfSatisfying(SalesforceException.class, e -> {
                assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                assertThat(e.statusCode()).contains("INVALID_SESSION_ID");
                assertThat(e.getMessage()).contains("Illegal Session").contains("connect again");
            });
            assertThat(sessions.renewals).hasValue(1);
            assertThat(replay.server().requestsUnderTest()).hasSize(2);
        }
    }

    @Test
    void aRealUnknownColumnFaultIsARefusalNamingTheColumnInOneLineWithoutARetry() {
        replay.server().thenCapture("partner-fault-invalid-field.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            assertThatThrownBy(() -> connected
                            .records()
                            .findByEmails(
                                    SObjectType.CONTACT,
                                    OptOutField.EMAIL_OPT_OUT_API_NAME,
                                    List.of(Email.parse("pat@example.com"))))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
                        assertThat(e.statusCode()).contains("INVALID_FIELD");
                        assertThat(e.getMessage())
                                .contains("No such column 'adfId' on entity 'Contact'")
                                .doesNotContain("\n");
                    });
            assertThat(replay.server().requestsUnderTest()).hasSize(1);
        }
    }

    @Test
    void anOrgWithoutTheModifyMetadataColumnIsAskedAgainWithoutIt() {
        replay.server().thenCapture("partner-fault-invalid-field.xml").thenCapture("partner-query-contacts.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            LayoutPermissions permissions = connected.layouts().layoutPermissions();

            assertThat(permissions.modifyMetadata()).isFalse();
            List<ReplayServer.Request> calls = replay.server().requestsUnderTest();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).body()).contains("PermissionsModifyMetadata");
            assertThat(calls.get(1).body()).doesNotContain("PermissionsModifyMetadata");
        }
    }

    @Test
    void theUnknownColumnFaultCarriesRowAndColumnOfTheStatement() throws Exception {
        replay.server().thenCapture("partner-fault-invalid-field.xml");
        PartnerConnection partner = new PartnerConnection(
                replay.orgs().configs().partner(replay.orgs().session(0)));
        assertThatThrownBy(() -> partner.query("select adfId, Name, Account.Name from Contact"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, fault -> {
                    assertThat(fault.getRow()).isEqualTo(1);
                    assertThat(fault.getColumn()).isEqualTo(8);
                    assertThat(FaultClassifier.exceptionCode(fault))
                            .hasValueSatisfying(code -> assertThat(code.name()).isEqualTo("INVALID_FIELD"));
                });
    }

    @Test
    void aRealQueryAnswerGivesEveryRowAndTheOrgsApiUsage() throws Exception {
        replay.server().thenCapture("partner-query-contacts.xml");
        PartnerConnection partner = new PartnerConnection(
                replay.orgs().configs().partner(replay.orgs().session(0)));
        QueryResult page = partner.query("SELECT Id, Name FROM Contact");

        assertThat(page.isDone()).isTrue();
        assertThat(page.getQueryLocator()).isNull();
        assertThat(page.getSize()).isEqualTo(2);
        assertThat(page.getRecords()).extracting(SObject::getType).containsOnly("Contact");
        assertThat(page.getRecords())
                .extracting(SObject::getId)
                .containsExactly("0BXBXBXBXBXcvhDAAR", "00ACACACACACAC0AAO");
        assertThat(page.getRecords())
                .extracting(r -> r.getField("Name"))
                .containsExactly("FooBar Homer", "BazQux Simpson");

        replay.server().thenCapture("partner-query-contacts.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            connected.layouts().layoutPermissions();
            assertThat(connected.records().apiUsage()).contains(new ApiUsage(22092, 64000));
        }
    }

    @Test
    void aRealRecordRefusalIsPermanentWithSalesforcesCodeMessageAndField() throws Exception {
        replay.server().thenCapture("partner-create-field-integrity-exception.xml");
        PartnerConnection partner = new PartnerConnection(
                replay.orgs().configs().partner(replay.orgs().session(0)));
        SaveResult[] results = partner.create(new SObject[] {new SObject("Profile")});

        assertThat(results).hasSize(1);
        assertThat(results[0].isSuccess()).isFalse();
        assertThat(results[0].getId()).isNull();
        assertThat(results[0].getErrors()[0].getFields()).containsExactly("Name");
        assertThat(partner.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(43);
        WriteOutcome outcome = FaultClassifier.failedRecord(CONTACT, results[0].getErrors());
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.PERMANENT);
        assertThat(outcome.statusCode()).contains("FIELD_INTEGRITY_EXCEPTION");
        assertThat(outcome.message()).contains("The profile name is already in use: Name");
    }

    @Test
    void aRealAccessRefusalOfOneRecordIsPermanent() throws Exception {
        replay.server().thenCapture("partner-create-insufficient-access.xml");
        PartnerConnection partner = new PartnerConnection(
                replay.orgs().configs().partner(replay.orgs().session(0)));
        SaveResult result = partner.create(new SObject[] {new SObject("Profile")})[0];

        WriteOutcome outcome = FaultClassifier.failedRecord(CONTACT, result.getErrors());
        assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.PERMANENT);
        assertThat(outcome.statusCode()).contains("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY");
        assertThat(outcome.message()).contains("insufficient access rights on cross-reference id");
    }

    @Test
    void aRealSuccessCarriesTheNewRecordsEighteenCharacterId() throws Exception {
        replay.server().thenCapture("partner-create-success.xml");
        PartnerConnection partner = new PartnerConnection(
                replay.orgs().configs().partner(replay.orgs().session(0)));
        SaveResult result = partner.create(new SObject[] {new SObject("Account")})[0];

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.getId()).isEqualTo("001R0000029IyDPIA0");
        assertThat(result.getErrors()).isEmpty();
    }

    @Test
    void aRealDeletedListGivesEachDeletionItsTimeAndTheWindowTheOrgCovered() throws Exception {
        PartnerConnection partner = answeredWith("partner-getdeleted-account.xml");
        GetDeletedResult deleted = partner.getDeleted("Account", utc(WINDOW_START), utc(WINDOW_END));

        assertThat(deleted.getDeletedRecords()).singleElement().satisfies(record -> {
            assertThat(record.getId()).isEqualTo("0012x000007RqnHAAS");
            assertThat(record.getDeletedDate().toInstant()).isEqualTo(Instant.parse("2020-06-18T04:10:20Z"));
        });
        assertThat(deleted.getEarliestDateAvailable().toInstant()).isEqualTo(Instant.parse("2020-04-27T13:43:00Z"));
        // The window asked for ended at 05:05:53; Salesforce drops the seconds of the end it reports as covered.
        assertThat(deleted.getLatestDateCovered().toInstant()).isEqualTo(Instant.parse("2020-06-30T05:05:00Z"));
        assertThat(partner.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(55);
    }

    @Test
    void aRealChangedListGivesEveryIdAndEndsItsWindowOnTheMinute() throws Exception {
        GetUpdatedResult updated = answeredWith("partner-getupdated-accounts.xml")
                .getUpdated("Account", utc(WINDOW_START), utc(WINDOW_END));

        assertThat(updated.getIds())
                .containsExactly(
                        "0012x000007RVCcAAO",
                        "0012x000007RVD1AAO",
                        "0012x000007RVG8AAO",
                        "0012x000007RVw7AAG",
                        "0012x000007RW3uAAG");
        assertThat(updated.getLatestDateCovered().toInstant()).isEqualTo(Instant.parse("2020-06-30T05:05:00Z"));
    }

    @Test
    void aRealServerClockIsReadToTheMillisecond() {
        replay.server().thenCapture("partner-getservertimestamp.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            // Record dateTimes come whole seconds (.000Z); the server clock keeps its milliseconds.
            assertThat(connected.records().serverTime()).isEqualTo(Instant.parse("2020-07-03T09:14:41.321Z"));
            assertThat(connected.records().apiUsage()).contains(new ApiUsage(58, 15000));
        }
    }

    @Test
    void aRealMergeNamesTheSurvivorAndTheRecordMergedIntoIt() throws Exception {
        MergeRequest request = new MergeRequest();
        SObject master = new SObject("Account");
        master.setId("0012x000008un5bAAA");
        request.setMasterRecord(master);
        request.setRecordToMergeIds(new String[] {"0012x000008un5lAAA"});
        MergeResult merged = answeredWith("partner-merge-success.xml").merge(new MergeRequest[] {request})[0];

        assertThat(merged.isSuccess()).isTrue();
        assertThat(merged.getId()).isEqualTo("0012x000008un5bAAA");
        assertThat(merged.getMergedRecordIds()).containsExactly("0012x000008un5lAAA");
        assertThat(merged.getUpdatedRelatedIds()).isEmpty();
        assertThat(merged.getErrors()).isEmpty();
    }

    @Test
    void aRealConversionNamesTheContactTheLeadBecameAsAnIdTheAppCanLinkTo() throws Exception {
        LeadConvert convert = new LeadConvert();
        convert.setLeadId("00Q2x00000AH981EAD");
        convert.setAccountId("0012x000005mqKuAAI");
        LeadConvertResult converted =
                answeredWith("partner-convertlead-success.xml").convertLead(new LeadConvert[] {convert})[0];

        assertThat(converted.isSuccess()).isTrue();
        assertThat(SalesforceId.parse(converted.getLeadId()).value()).isEqualTo("00Q2x00000AH981EAD");
        assertThat(SalesforceId.parse(converted.getContactId()).value()).isEqualTo("0032x000006I2xYAAS");
        assertThat(converted.getAccountId()).isEqualTo("0012x000005mqKuAAI");
        assertThat(converted.getOpportunityId()).isEqualTo("0062x0000053r8FAAQ");
    }

    @Test
    void aRealUpdateAnswerMarksTheRecordWrittenAndCountsTheCall() {
        replay.server().thenCapture("partner-update-success.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            List<WriteOutcome> outcomes = connected
                    .records()
                    .setOptOut(SObjectType.CONTACT, OptOutField.EMAIL_OPT_OUT_API_NAME, List.of(CONTACT), true);

            assertThat(outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.result()).isEqualTo(WriteOutcome.Result.WRITTEN);
                assertThat(outcome.id()).isEqualTo(CONTACT);
            });
            assertThat(connected.records().apiUsage()).contains(new ApiUsage(53, 15000));
            assertThat(replay.server().requestsUnderTest())
                    .singleElement()
                    .satisfies(call ->
                            assertThat(call.body()).contains("<m:update ", "HasOptedOutOfEmail", "003xx000004TmiQAAS"));
        }
    }

    /** A Partner connection whose next call is answered with the capture. */
    private PartnerConnection answeredWith(String capture) throws Exception {
        replay.server().thenCapture(capture);
        return new PartnerConnection(
                replay.orgs().configs().partner(replay.orgs().session(0)));
    }
}
