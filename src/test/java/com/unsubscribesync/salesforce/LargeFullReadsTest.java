package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.LocalOrg;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A full read of an object past 100 000 records goes on through one Bulk query job; a smaller or partial one pages. */
@Tag("slow") // seeds 210 000 people: 20 s of the default build's ten minutes
class LargeFullReadsTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private static LocalOrg org;
    private final TestOrgs orgs = new TestOrgs();

    @BeforeAll
    static void startOrg() throws Exception {
        org = TestOrgs.start(210_000);
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    @Test
    void aFullReadOfMoreThanAHundredThousandContactsTakesABulkQueryJobInAFewCalls() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            long calls = connected.records().callsMade();
            Set<String> ids = new HashSet<>();
            long[] handed = {0};
            connected.records().pullChanged(SObjectType.CONTACT, OPT_OUT, Optional.empty(), rows -> {
                handed[0] += rows.size();
                rows.forEach(row -> ids.add(row.id().value()));
            });

            assertThat(handed[0]).as("records handed over").isGreaterThanOrEqualTo(BulkQuery.FULL_READS_FROM);
            assertThat(ids).as("each once").hasSize((int) handed[0]);
            assertThat(org.bulkJobs().jobs())
                    .singleElement()
                    .satisfies(job -> assertThat(job.object()).isEqualTo("Contact"));
            assertThat(connected.records().callsMade() - calls)
                    .as("the first page, then the job's calls instead of " + (handed[0] + 1999) / 2000 + " pages")
                    .isEqualTo(1 + BulkQuery.plannedCalls(handed[0], BulkQuery.DEFAULT_CHUNK));
        }
    }

    @Test
    void aReadOfWhatChangedSinceAMomentPagesHoweverManyChanged() {
        try (ForceWscOrg connected = orgs.connect(org)) {
            int jobs = org.bulkJobs().jobs().size();
            List<Integer> pages = new java.util.ArrayList<>();
            connected
                    .records()
                    .pullChanged(
                            SObjectType.CONTACT,
                            OPT_OUT,
                            Optional.of(Instant.parse("2000-01-01T00:00:00Z")),
                            rows -> pages.add(rows.size()));

            assertThat(pages.stream().mapToLong(Integer::longValue).sum())
                    .as("every Contact changed since 2000")
                    .isGreaterThanOrEqualTo(BulkQuery.FULL_READS_FROM);
            assertThat(org.bulkJobs().jobs()).as("no Bulk job").hasSize(jobs);
        }
    }
}
