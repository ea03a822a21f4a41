package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.bulk.BulkJobs;
import com.unsubscribesync.localorg.state.RecordIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pulling records through a PK-chunked Bulk API query, with force-wsc's BulkConnection against the local org. */
class BulkQueryTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private static final List<String> FIELDS = List.of("Id", "Email", "HasOptedOutOfEmail");
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void twentyFiveThousandContactsComeBackOnceEachFromThreeChunksInThePlannedCalls() throws Exception {
        try (LocalOrg org = TestOrgs.start(41_667)) {
            OrgCalls calls = calls(org);
            int contacts = org.state().count("Contact");
            long made = calls.callsMade();
            int used = org.apiCallsUsed();
            Set<String> ids = new HashSet<>();
            List<String> duplicates = new ArrayList<>();

            long rows = query(calls, org).pull(SObjectType.CONTACT, FIELDS, false, 10_000, row -> {
                if (!ids.add(row.value("Id"))) {
                    duplicates.add(row.value("Id"));
                }
                assertThat(row.value("HasOptedOutOfEmail")).isIn("true", "false");
                assertThat(row.value("email")).contains("@");
            });

            assertThat(contacts).isBetween(20_001, 25_000);
            assertThat(rows).isEqualTo(contacts);
            assertThat(duplicates).isEmpty();
            assertThat(ids).hasSize(contacts).contains(RecordIds.idOf("003", 0));
            BulkJobs.JobView job = org.bulkJobs().jobs().get(0);
            assertThat(job.state()).isEqualTo("Closed");
            assertThat(job.batchStates()).containsExactly("NotProcessed", "Completed", "Completed", "Completed");
            assertThat(BulkQuery.plannedCalls(contacts, 10_000)).isEqualTo(10);
            assertThat(calls.callsMade() - made).isEqualTo(BulkQuery.plannedCalls(contacts, 10_000));
            assertThat(org.apiCallsUsed() - used).isEqualTo(BulkQuery.plannedCalls(contacts, 10_000));
            assertThat(orgs.bulkWaits).hasSize(1);
        }
    }

    @Test
    void aChunkOfMoreThanTenThousandRecordsIsReadWhole() throws Exception {
        try (LocalOrg org = TestOrgs.start(41_667)) {
            OrgCalls calls = calls(org);
            long rows = query(calls, org).pull(SObjectType.CONTACT, List.of("Id"), false, 25_000, row -> {});

            assertThat(rows).isEqualTo(org.state().count("Contact")).isGreaterThan(20_000);
            assertThat(org.bulkJobs().jobs().get(0).batchStates()).containsExactly("NotProcessed", "Completed");
        }
    }

    @Test
    void queryAllHandsOverDeletedRecordsMarkedIsDeleted() throws Exception {
        try (LocalOrg org = TestOrgs.start(200)) {
            String deleted = RecordIds.idOf("003", 5);
            org.state().delete(deleted);
            OrgCalls calls = calls(org);
            List<String> seen = new ArrayList<>();
            query(calls, org).pull(SObjectType.CONTACT, List.of("Id", "IsDeleted"), true, 50, row -> {
                if (row.value("IsDeleted").equals("true")) {
                    seen.add(row.value("Id"));
                }
            });
            List<String> live = new ArrayList<>();
            query(calls, org).pull(SObjectType.CONTACT, List.of("Id"), false, 50, row -> live.add(row.value("Id")));

            assertThat(seen).contains(deleted);
            assertThat(live).doesNotContain(deleted).hasSize(org.state().count("Contact"));
        }
    }

    @Test
    void aFailedBatchEndsThePullWithSalesforcesReasonBeforeAnyRowIsHandedOver() throws Exception {
        try (LocalOrg org = TestOrgs.start(200)) {
            List<BulkQuery.Row> handed = new ArrayList<>();
            assertThatThrownBy(() -> query(calls(org), org)
                            .pull(SObjectType.CONTACT, List.of("Id", "NoSuchField__c"), false, 50, handed::add))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
                        assertThat(e.statusCode()).contains("InvalidBatch");
                        assertThat(e.getMessage())
                                .contains("reading Contact through a Bulk API query")
                                .contains("No such column 'NoSuchField__c' on entity 'Contact'");
                    });
            assertThat(handed).isEmpty();
        }
    }

    @Test
    void aFullPullReadsTheSameRecordsAsTheSoapQueryAllDoes() throws Exception {
        try (LocalOrg org = TestOrgs.start(400);
                ForceWscOrg soap = orgs.connect(org)) {
            org.state().delete(RecordIds.idOf("003", 7));
            org.state().merge(RecordIds.idOf("003", 8), RecordIds.idOf("003", 9));
            BulkQuery bulk = query(calls(org), org);
            for (SObjectType type : SObjectType.values()) {
                List<OrgRecord> bySoap = new ArrayList<>();
                soap.records().pullChanged(type, OPT_OUT, Optional.empty(), bySoap::addAll);
                List<OrgRecord> byBulk = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();

                long count = bulk.pullAll(type, OPT_OUT, 100, 70, list -> {
                    sizes.add(list.size());
                    byBulk.addAll(list);
                });

                assertThat(byBulk).as(type.apiName()).containsExactlyInAnyOrderElementsOf(bySoap);
                assertThat(count).isEqualTo(bySoap.size());
                assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(70));
            }
        }
    }

    @Test
    void theMinimumCallsAreFourAndTwoPerChunk() {
        assertThat(BulkQuery.plannedCalls(0, 100_000)).isEqualTo(6);
        assertThat(BulkQuery.plannedCalls(100_000, 100_000)).isEqualTo(6);
        assertThat(BulkQuery.plannedCalls(100_001, 100_000)).isEqualTo(8);
        assertThat(BulkQuery.plannedCalls(1_000_000, 250_000)).isEqualTo(12);
    }

    private OrgCalls calls(LocalOrg org) {
        return new OrgCalls(
                orgs.configs(orgs.bulkPolling(org)),
                SessionSource.clientCredentials(orgs.tokens(org), org.clientSecret()));
    }

    private BulkQuery query(OrgCalls calls, LocalOrg org) {
        return new BulkQuery(calls, orgs.bulkPolling(org));
    }
}
