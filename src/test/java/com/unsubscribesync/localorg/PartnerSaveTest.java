package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.LeadConvertResult;
import com.sforce.soap.partner.MergeRequest;
import com.sforce.soap.partner.MergeResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.localorg.state.SeedSummary;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerSaveTest {
    private final TestClock clock = TestClock.at("2026-03-02T10:15:30Z");
    private LocalOrg org;
    private PartnerConnection pc;
    private SeedSummary seeded;

    @BeforeEach
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(300).withClock(clock));
        pc = Clients.partner(org);
        seeded = org.state().seeded().orElseThrow();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void createUpdateRetrieveAndDeleteAContact() throws Exception {
        SObject contact = contact(null);
        contact.setField("LastName", "Lovelace");
        contact.setField("Email", "ada@example.com");
        SaveResult created = pc.create(new SObject[] {contact})[0];
        assertThat(created.isSuccess()).isTrue();
        String id = created.getId();
        Instant before = org.state().read(id).lastModified();

        clock.advance(Duration.ofMinutes(3));
        SObject change = contact(id);
        change.setField("HasOptedOutOfEmail", true);
        assertThat(pc.update(new SObject[] {change})[0].isSuccess()).isTrue();
        assertThat(org.state().read(id).optedOut()).isTrue();
        assertThat(org.state().read(id).lastModified()).isAfter(before);

        SObject[] read = pc.retrieve(
                "Id, Email, HasOptedOutOfEmail, LastName", "Contact", new String[] {id, "0035e0000009ZZZAAA"});
        assertThat(read[0].getField("HasOptedOutOfEmail")).isEqualTo("true");
        assertThat(read[0].getField("Email")).isEqualTo("ada@example.com");
        assertThat(read[1]).isNull();

        DeleteResult deleted = pc.delete(new String[] {id})[0];
        assertThat(deleted.isSuccess()).isTrue();
        DeleteResult again = pc.delete(new String[] {id})[0];
        assertThat(again.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    }

    @Test
    void createNeedsRequiredFields() throws Exception {
        SObject lead = new SObject("Lead");
        lead.setField("LastName", "Nobody");
        SaveResult result = pc.create(new SObject[] {lead})[0];
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
        assertThat(result.getErrors()[0].getFields()).containsExactly("Company");
    }

    @Test
    void updateOfMoreThan200RecordsFailsAsAWhole() throws Exception {
        SObject[] records = new SObject[201];
        String anyId =
                pc.query("SELECT Id FROM Contact LIMIT 1").getRecords()[0].getId();
        for (int i = 0; i < records.length; i++) {
            records[i] = contact(anyId);
            records[i].setField("HasOptedOutOfEmail", true);
        }
        assertThatThrownBy(() -> pc.update(records))
                .isInstanceOfSatisfying(
                        ApiFault.class,
                        fault -> assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT));
        assertThat(org.state().read(anyId).optedOut()).isFalse();
        assertThat(pc.update(java.util.Arrays.copyOf(records, 200))).allMatch(SaveResult::isSuccess);
    }

    @Test
    void aConvertedLeadRefusesUpdates() throws Exception {
        SObject lead = new SObject("Lead");
        lead.setId(seeded.convertedLeadId());
        lead.setField("HasOptedOutOfEmail", true);
        SaveResult result = pc.update(new SObject[] {lead})[0];
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getId()).isEqualTo(seeded.convertedLeadId());
        assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.CANNOT_UPDATE_CONVERTED_LEAD);
    }

    @Test
    void eachRecordSucceedsOrFailsOnItsOwn() throws Exception {
        String contactId =
                pc.query("SELECT Id FROM Contact LIMIT 1").getRecords()[0].getId();
        SObject good = contact(contactId);
        good.setField("Email", "new.address@example.org");
        SObject badEmail = contact(contactId);
        badEmail.setField("Email", "not an email");
        SObject wrongType = contact("00Q5e0000000001AAA");
        SaveResult[] results = pc.update(new SObject[] {good, badEmail, wrongType});
        assertThat(results[0].isSuccess()).isTrue();
        assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_EMAIL_ADDRESS);
        assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MALFORMED_ID);
    }

    @Test
    void systemFieldsCannotBeWrittenAndUnknownFieldsFailTheCall() throws Exception {
        String contactId =
                pc.query("SELECT Id FROM Contact LIMIT 1").getRecords()[0].getId();
        SObject system = contact(contactId);
        system.setField("IsDeleted", true);
        SaveResult result = pc.update(new SObject[] {system})[0];
        assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
        SObject unknown = contact(contactId);
        unknown.setField("Nope__c", "x");
        assertThatThrownBy(() -> pc.update(new SObject[] {unknown})).isInstanceOf(InvalidFieldFault.class);
    }

    @Test
    void mergeDeletesTheLosersAndPointsThemAtTheMaster() throws Exception {
        String winner = org.state().addContact("Kim", "Winner", "kim@example.com");
        String loser = org.state().addContact("Kim", "Loser", "kim@example.com");
        clock.advance(Duration.ofMinutes(5));
        MergeRequest request = new MergeRequest();
        SObject master = contact(winner);
        master.setField("HasOptedOutOfEmail", true);
        request.setMasterRecord(master);
        request.setRecordToMergeIds(new String[] {loser});
        MergeResult merged = pc.merge(new MergeRequest[] {request})[0];
        assertThat(merged.isSuccess()).isTrue();
        assertThat(merged.getMergedRecordIds()).containsExactly(loser);
        assertThat(org.state().read(loser).deleted()).isTrue();
        assertThat(org.state().read(loser).masterRecordId()).isEqualTo(winner);
        assertThat(org.state().read(winner).optedOut()).isTrue();
    }

    @Test
    void getDeletedListsAMergedRecordAndQueryAllShowsItsMaster() throws Exception {
        String winner = org.state().addContact("Lee", "Keeps", "lee@example.com");
        String loser = org.state().addContact("Lee", "Goes", "lee@example.com");
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        org.state().merge(winner, loser);
        clock.advance(Duration.ofMinutes(2));
        GetDeletedResult deleted = pc.getDeleted("Contact", calendar(start), calendar(clock.instant()));
        assertThat(deleted.getDeletedRecords()).extracting(r -> r.getId()).contains(loser);
        GetUpdatedResult updated = pc.getUpdated("Contact", calendar(start), calendar(clock.instant()));
        assertThat(updated.getIds()).contains(winner).doesNotContain(loser);
        SObject row = pc.queryAll("SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id = '" + loser + "'")
                .getRecords()[0];
        assertThat(row.getField("MasterRecordId")).isEqualTo(winner);
        assertThat(deleted.getLatestDateCovered().toInstant()).isEqualTo(Instant.parse("2026-03-02T10:19:00Z"));
    }

    @Test
    void replicationIgnoresSecondsAndRefusesBadWindows() throws Exception {
        String id = org.state().addContact("Sec", "Onds", "seconds@example.com");
        clock.advance(Duration.ofSeconds(10));
        Instant changed = clock.instant();
        org.state().setOptedOut(id, true);
        clock.advance(Duration.ofMinutes(3));
        GetUpdatedResult sameMinute =
                pc.getUpdated("Contact", calendar(changed.plusSeconds(15)), calendar(clock.instant()));
        assertThat(sameMinute.getIds()).contains(id);
        assertThatThrownBy(() -> pc.getUpdated(
                        "Contact",
                        calendar(clock.instant()),
                        calendar(clock.instant().minusSeconds(120))))
                .isInstanceOfSatisfying(
                        ApiFault.class,
                        fault ->
                                assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_REPLICATION_DATE));
        assertThatThrownBy(() -> pc.getUpdated(
                        "Contact", calendar(clock.instant().minus(Duration.ofDays(31))), calendar(clock.instant())))
                .isInstanceOf(ApiFault.class);
        assertThatThrownBy(() -> pc.getDeleted(
                        "Contact", calendar(clock.instant().minus(Duration.ofDays(16))), calendar(clock.instant())))
                .isInstanceOfSatisfying(
                        ApiFault.class,
                        fault ->
                                assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_REPLICATION_DATE));
    }

    @Test
    void dateTimesAreStoredToTheSecondAndSentWithZeroMillisecondsSoAFilterSeesWholeSeconds() throws Exception {
        clock.set(Instant.parse("2026-03-02T10:16:45.730Z"));
        SObject contact = new SObject("Contact");
        contact.setField("LastName", "Stamp");
        contact.setField("Email", "stamp@example.com");
        String id = pc.create(new SObject[] {contact})[0].getId();
        clock.set(Instant.parse("2026-03-02T10:17:05.480Z"));
        SObject change = new SObject("Contact");
        change.setId(id);
        change.setField("HasOptedOutOfEmail", "true");
        assertThat(pc.update(new SObject[] {change})[0].isSuccess()).isTrue();

        SObject row = pc.query(
                        "SELECT CreatedDate, LastModifiedDate, SystemModstamp FROM Contact WHERE Id = '" + id + "'")
                .getRecords()[0];
        assertThat(row.getField("CreatedDate")).isEqualTo("2026-03-02T10:16:45.000Z");
        assertThat(row.getField("LastModifiedDate")).isEqualTo("2026-03-02T10:17:05.000Z");
        assertThat(row.getField("SystemModstamp")).isEqualTo("2026-03-02T10:17:05.000Z");
        assertThat(pc.query("SELECT Id FROM Contact WHERE Id = '" + id + "' AND SystemModstamp > "
                                + "2026-03-02T10:17:05Z")
                        .getSize())
                .as("stored as 10:17:05, not after it")
                .isZero();
        assertThat(pc.query("SELECT Id FROM Contact WHERE Id = '" + id + "' AND SystemModstamp >= "
                                + "2026-03-02T10:17:05Z")
                        .getSize())
                .isEqualTo(1);

        clock.set(Instant.parse("2026-03-02T10:17:40.999Z"));
        pc.delete(new String[] {id});
        clock.set(Instant.parse("2026-03-02T10:20:10Z"));
        GetDeletedResult deleted =
                pc.getDeleted("Contact", calendar(Instant.parse("2026-03-02T10:16:00Z")), calendar(clock.instant()));
        assertThat(deleted.getDeletedRecords())
                .filteredOn(r -> r.getId().equals(id))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.getDeletedDate().toInstant()).isEqualTo(Instant.parse("2026-03-02T10:17:40Z")));
    }

    @Test
    void theReplicationWindowIncludesBothEndMinutesAndLatestDateCoveredIsItsEnd() throws Exception {
        String id = org.state().addContact("Edge", "Minute", "edge@example.com");
        clock.set(Instant.parse("2026-03-02T10:20:00.400Z"));
        org.state().setOptedOut(id, true);
        clock.set(Instant.parse("2026-03-02T10:26:00Z"));

        GetUpdatedResult endingThen = pc.getUpdated(
                "Contact",
                calendar(Instant.parse("2026-03-02T10:17:00Z")),
                calendar(Instant.parse("2026-03-02T10:20:45Z")));
        assertThat(endingThen.getIds())
                .as("changed at 10:20:00, the end minute, which is inclusive")
                .contains(id);
        assertThat(endingThen.getLatestDateCovered().toInstant()).isEqualTo(Instant.parse("2026-03-02T10:20:00Z"));
        GetUpdatedResult startingThen = pc.getUpdated(
                "Contact",
                calendar(Instant.parse("2026-03-02T10:20:59Z")),
                calendar(Instant.parse("2026-03-02T10:25:00Z")));
        assertThat(startingThen.getIds())
                .as("the start minute is inclusive too")
                .contains(id);
        GetUpdatedResult before = pc.getUpdated(
                "Contact",
                calendar(Instant.parse("2026-03-02T10:17:00Z")),
                calendar(Instant.parse("2026-03-02T10:19:59Z")));
        assertThat(before.getIds()).doesNotContain(id);

        clock.set(Instant.parse("2026-03-02T10:27:00.600Z"));
        org.state().delete(id);
        clock.set(Instant.parse("2026-03-02T10:27:30Z"));
        GetDeletedResult gone = pc.getDeleted(
                "Contact",
                calendar(Instant.parse("2026-03-02T10:25:00Z")),
                calendar(Instant.parse("2026-03-02T10:29:00Z")));
        assertThat(gone.getDeletedRecords())
                .extracting(r -> r.getId())
                .as("deleted in the current minute, which " + "an end in the future is cut back to")
                .contains(id);
        assertThat(gone.getLatestDateCovered().toInstant()).isEqualTo(Instant.parse("2026-03-02T10:27:00Z"));
    }

    @Test
    void convertLeadMakesAContactThatKeepsTheOptOut() throws Exception {
        String leadId = org.state().addLead("Rae", "Convert", "rae@example.com", "Acme");
        org.state().setOptedOut(leadId, true);
        LeadConvert convert = new LeadConvert();
        convert.setLeadId(leadId);
        convert.setConvertedStatus("Closed - Converted");
        convert.setDoNotCreateOpportunity(true);
        LeadConvertResult result = pc.convertLead(new LeadConvert[] {convert})[0];
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.getContactId()).startsWith("003");
        assertThat(result.getAccountId()).startsWith("001");
        assertThat(result.getOpportunityId()).isNull();
        assertThat(org.state().read(result.getContactId()).optedOut()).isTrue();
        SObject lead = pc.query(
                        "SELECT IsConverted, ConvertedContactId, ConvertedDate FROM Lead WHERE Id = '" + leadId + "'")
                .getRecords()[0];
        assertThat(lead.getField("IsConverted")).isEqualTo("true");
        assertThat(lead.getField("ConvertedContactId")).isEqualTo(result.getContactId());
        assertThat(lead.getField("ConvertedDate")).isEqualTo("2026-03-02");
        LeadConvertResult twice = pc.convertLead(new LeadConvert[] {convert})[0];
        assertThat(twice.isSuccess()).isFalse();
    }

    @Test
    void convertingIntoAnExistingContactLeavesItsOptOutAlone() throws Exception {
        String contactId = org.state().addContact("Existing", "Person", "existing@example.com");
        String leadId = org.state().addLead("Existing", "Person", "existing@example.com", "Acme");
        org.state().setOptedOut(leadId, true);
        LeadConvert convert = new LeadConvert();
        convert.setLeadId(leadId);
        convert.setContactId(contactId);
        convert.setConvertedStatus("Closed - Converted");
        LeadConvertResult result = pc.convertLead(new LeadConvert[] {convert})[0];
        assertThat(result.getContactId()).isEqualTo(contactId);
        assertThat(result.getOpportunityId()).startsWith("006");
        assertThat(org.state().read(contactId).optedOut()).isFalse();
    }

    @Test
    void answersTheServerTimeFromItsClock() throws Exception {
        assertThat(pc.getServerTimestamp().getTimestamp().toInstant()).isEqualTo(clock.instant());
    }

    private static SObject contact(String id) {
        SObject contact = new SObject("Contact");
        if (id != null) {
            contact.setId(id);
        }
        return contact;
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
