package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the app needs an org to do, port by port — records ({@link SalesforceOrg}), Bulk ({@link SalesforceBulk}) and
 * page layouts ({@link SalesforceLayouts}) — checked through the app's own force-wsc adapters ({@link ForceWscOrg}):
 * the same suite runs against the local org in every build (so the checks themselves are proven) and, on request,
 * against a real org ({@code mvn -B verify -Plive-org}). Read-only unless {@link #writesAllowed()}; a write leaves nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrgConformanceSuite {
    private static final String FIELD = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private ForceWscOrg org;
    private SalesforceOrg records;
    private SalesforceLayouts layouts;

    /** A live connection to the org under test, opened once for the suite. */
    protected abstract ForceWscOrg connect();

    /** The settings the connection was built with, for the few raw calls the adapter does not make. */
    protected abstract ConnectorConfigs configs();

    /** Whether the suite may create, change and delete a test Lead. */
    protected abstract boolean writesAllowed();

    /** Run after the connection is closed. */
    protected void disconnected() {}

    @BeforeAll
    void open() {
        org = connect();
        records = org.records();
        layouts = org.layouts();
    }

    @AfterAll
    void close() {
        if (org != null) {
            org.close();
        }
        disconnected();
    }

    @Test
    void theConnectionKnowsItsOrgAndUser() {
        OrgIdentity identity = records.identity();
        assertThat(identity.organizationId()).startsWith("00D");
        assertThat(identity.userId()).startsWith("005");
        assertThat(identity.userName()).isNotBlank();
        assertThat(identity.instanceUrl()).startsWith("http");
    }

    @Test
    void leadAndContactAreDescribedWithEmailOptOutAsACheckbox() {
        FieldCheck check = records.checkField(new OptOutFieldRequest(OptOutField.EMAIL_OPT_OUT, Optional.empty()));
        for (SObjectType type : SObjectType.values()) {
            FieldCheck.ObjectField field = check.objects().get(type);
            assertThat(field).as(type.apiName()).isNotNull();
            assertThat(field.exists()).as(type.apiName() + " has " + FIELD).isTrue();
            assertThat(field.checkbox())
                    .as(type.apiName() + "." + FIELD + " is a checkbox")
                    .isTrue();
        }
    }

    @Test
    void everyContactIsReadInPagesOfAtMostTwoThousandFollowingTheQueryLocator() throws Exception {
        List<Integer> chunks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        records.pullChanged(SObjectType.CONTACT, FIELD, Optional.empty(), chunk -> {
            chunks.add(chunk.size());
            chunk.forEach(record -> ids.add(record.id().value()));
        });
        int total = partner().queryAll("SELECT COUNT() FROM Contact").getSize();

        assertThat(ids).hasSize(total);
        assertThat(chunks).allSatisfy(size -> assertThat(size).isBetween(1, ForceWscRecords.QUERY_PAGE));
        if (total > ForceWscRecords.QUERY_PAGE) {
            assertThat(chunks).hasSizeGreaterThan(1);
        }
    }

    @Test
    void aSmallPageIsFollowedToTheLastWithQueryMore() throws Exception {
        PartnerConnection partner = partner();
        partner.setQueryOptions(200);
        QueryResult page = partner.queryAll("SELECT Id FROM Contact");
        assumeTrue(!page.isDone(), "the org has too few Contacts for a second page of 200");
        int read = page.getRecords().length;
        int pages = 1;
        while (!page.isDone()) {
            page = partner.queryMore(page.getQueryLocator());
            read += page.getRecords().length;
            pages++;
        }
        assertThat(read).isEqualTo(page.getSize());
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void replicationCallsAnswerForTheLastDay() throws Exception {
        Instant end = records.serverTime().minus(Duration.ofMinutes(1));
        Instant start = end.minus(Duration.ofDays(1));
        GetUpdatedResult updated = partner().getUpdated("Contact", calendar(start), calendar(end));
        List<OrgRecord> deleted = records.deletedBetween(SObjectType.CONTACT, FIELD, start, end);

        assertThat(updated.getLatestDateCovered().toInstant()).isBeforeOrEqualTo(end);
        assertThat(deleted).allSatisfy(record -> assertThat(record.deleted()).isTrue());
        List<OrgRecord> changed = new ArrayList<>();
        records.pullChanged(SObjectType.CONTACT, FIELD, Optional.of(start), changed::addAll);
        assertThat(changed).allSatisfy(r -> assertThat(r.systemModstamp()).isAfter(start.minusSeconds(1)));
    }

    @Test
    void pageLayoutsOfLeadAndContactAreListedAndReadWhole() {
        LayoutPermissions permissions = layouts.layoutPermissions();
        assumeTrue(
                permissions.modifyAllData() || permissions.modifyMetadata(),
                "the connected user may not read layouts through the Metadata API");
        for (SObjectType type : SObjectType.values()) {
            List<ListedLayout> listed = layouts.listLayouts(type);
            assertThat(listed)
                    .as(type.apiName() + " layouts")
                    .isNotEmpty()
                    .allSatisfy(layout -> assertThat(layout.fullName()).startsWith(type.apiName() + "-"));
            String first = listed.get(0).fullName();
            List<PageLayout> read = layouts.readLayouts(List.of(first));
            assertThat(read).singleElement().satisfies(layout -> {
                assertThat(layout.fullName()).isEqualTo(first);
                assertThat(layout.sections()).isNotEmpty();
                assertThat(layout.document()).contains(first);
            });
        }
    }

    @Test
    void theOrgReportsItsApiUsageAndClock() {
        Instant now = records.serverTime();
        assertThat(Duration.between(now, Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
        assertThat(records.apiUsage()).hasValueSatisfying(usage -> {
            assertThat(usage.limit()).isPositive();
            assertThat(usage.used()).isBetween(0L, usage.limit());
        });
        assertThat(records.callsMade()).isPositive();
    }

    @Test
    void aLayoutSavedAsItWasReadIsUnchanged() {
        assumeTrue(writesAllowed(), "writes are not allowed (SF_LIVE_WRITE=true allows them)");
        String name = layouts.listLayouts(SObjectType.LEAD).get(0).fullName();
        PageLayout before = layouts.readLayouts(List.of(name)).get(0);

        layouts.restoreLayout(name, before.document());

        assertThat(layouts.readLayouts(List.of(name)))
                .singleElement()
                .satisfies(after -> assertThat(after.document()).isEqualTo(before.document()));
    }

    @Test
    void aTestLeadIsOptedOutReadBackAndDeleted() throws Exception {
        withTestLead((id, address) -> {
            assertThat(records.setOptOut(SObjectType.LEAD, FIELD, List.of(id), true))
                    .containsExactly(WriteOutcome.written(id));
            assertThat(records.findByIds(SObjectType.LEAD, FIELD, List.of(id)))
                    .singleElement()
                    .satisfies(record -> assertThat(record.optedOut()).isTrue());
            assertThat(records.findByEmails(SObjectType.LEAD, FIELD, List.of(Email.parse(address))))
                    .extracting(record -> record.id().value())
                    .containsExactly(id.value());
        });
    }

    @Test
    void aTestLeadIsOptedOutInABulkJobAndReadBack() throws Exception {
        withTestLead((id, address) -> {
            assertThat(org.bulk().setOptOutInBulk(SObjectType.LEAD, FIELD, List.of(id), true))
                    .containsExactly(WriteOutcome.written(id));
            assertThat(records.findByIds(SObjectType.LEAD, FIELD, List.of(id)))
                    .singleElement()
                    .satisfies(record -> assertThat(record.optedOut()).isTrue());
        });
    }

    /** Creates a test Lead with an address of its own, runs the check on it and deletes it whatever happens. */
    private void withTestLead(java.util.function.BiConsumer<SalesforceId, String> check) throws Exception {
        assumeTrue(writesAllowed(), "writes are not allowed (SF_LIVE_WRITE=true allows them)");
        String address = "unsubscribe-sync-conformance+" + System.nanoTime() + "@example.com";
        SObject lead = new SObject("Lead");
        lead.setField("LastName", "Unsubscribe Sync conformance check");
        lead.setField("Company", "Unsubscribe Sync");
        lead.setField("Email", address);
        PartnerConnection partner = partner();
        SaveResult created = partner.create(new SObject[] {lead})[0];
        assertThat(created.isSuccess())
                .as("the test Lead was created: %s", (Object) created.getErrors())
                .isTrue();
        try {
            check.accept(SalesforceId.parse(created.getId()), address);
        } finally {
            assertThat(partner.delete(new String[] {created.getId()})[0].isSuccess())
                    .isTrue();
        }
    }

    /** A Partner connection on the suite's current session, built as the app builds one. */
    private PartnerConnection partner() throws Exception {
        return new PartnerConnection(configs().partner(org.session()));
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
