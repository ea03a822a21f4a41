package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full pull of 1 000 000 people (Contacts and Leads) through chunked Bulk queries, timed beside the SOAP queryAll
 * pull of the same records; prints the time, the calls and the heap the pull used above the org's own: the highest
 * used heap sampled (garbage included) and the highest heap left after a collection (about what it holds).
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BulkQueryMillionTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void aMillionPeopleComeThroughBulkQueriesInAFewDozenCalls() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(1_000_000));
                ForceWscOrg soap = orgs.connect(org)) {
            OrgCalls calls = new OrgCalls(
                    orgs.configs(orgs.bulkPolling(org)),
                    SessionSource.clientCredentials(orgs.tokens(org), org.clientSecret()));
            BulkQuery bulk = new BulkQuery(calls, orgs.bulkPolling(org));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long settled = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(settled);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            AtomicLong afterCollections = new AtomicLong(settled);
            NotificationListener collected = (notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed)
                            .sum();
                    afterCollections.accumulateAndGet(used, Math::max);
                }
            };
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener(collected, null, null);
            }
            long made = calls.callsMade();
            long started = System.nanoTime();
            long records = 0;
            long planned = 0;
            for (SObjectType type : SObjectType.values()) {
                records += bulk.pullAll(type, OPT_OUT, BulkQuery.DEFAULT_CHUNK, 2_000, list -> {});
                planned += BulkQuery.plannedCalls(org.state().count(type.apiName()), BulkQuery.DEFAULT_CHUNK);
            }
            long bulkMs = (System.nanoTime() - started) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).removeNotificationListener(collected);
            }
            long bulkCalls = calls.callsMade() - made;

            long soapMade = soap.records().callsMade();
            long soapStarted = System.nanoTime();
            AtomicLong soapRecords = new AtomicLong();
            for (SObjectType type : SObjectType.values()) {
                // A full read this large goes through Bulk itself (ADR 0073); a read of what changed since long ago
                // is the same rows in SOAP pages.
                soap.records()
                        .pullChanged(
                                type,
                                OPT_OUT,
                                Optional.of(java.time.Instant.parse("2000-01-01T00:00:00Z")),
                                list -> soapRecords.addAndGet(list.size()));
            }
            long soapMs = (System.nanoTime() - soapStarted) / 1_000_000;
            long soapCalls = soap.records().callsMade() - soapMade;

            System.out.printf(
                    "1 000 000 people by Bulk query: %d records in %d ms, %d calls (planned %d), used heap peak %d MB"
                            + " and after-collection peak %d MB above the settled %d MB; by SOAP queryAll: %d records"
                            + " in %d ms, %d calls%n",
                    records,
                    bulkMs,
                    bulkCalls,
                    planned,
                    (peak.get() - settled) >> 20,
                    (afterCollections.get() - settled) >> 20,
                    settled >> 20,
                    soapRecords.get(),
                    soapMs,
                    soapCalls);
            assertThat(records).isEqualTo(soapRecords.get()).isGreaterThanOrEqualTo(1_000_000);
            assertThat(bulkCalls).isEqualTo(planned).isLessThanOrEqualTo(60);
        }
    }
}
