package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.unsubscribesync.testing.Eventually;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One million people in the in-memory org, in the 1 GB heap Surefire gives tests. Prints the heap the org keeps
 * (used heap after collection, minus what was used before it started).
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MillionPeopleMemoryTest {

    @Test
    void aMillionPeopleFitWellUnderAOneGigabyteHeap() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long started = System.nanoTime();
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(1_000_000))) {
            long seededMs = (System.nanoTime() - started) / 1_000_000;
            long retained = settledHeap(memory) - before;
            System.out.printf(
                    "1 000 000 people: started in %d ms, org retains about %d MB of heap (max %d MB)%n",
                    seededMs, retained >> 20, Runtime.getRuntime().maxMemory() >> 20);
            assertThat(retained).isLessThan(400L << 20);
            PartnerConnection pc = Clients.partner(org);
            pc.setQueryOptions(2000);
            assertThat(pc.query("SELECT COUNT() FROM Contact WHERE HasOptedOutOfEmail = true")
                            .getSize())
                    .isBetween(20_000, 40_000);
            assertThat(pc.query("SELECT Id, Email FROM Lead WHERE IsConverted = false")
                            .getRecords())
                    .hasSize(2000);
        }
    }

    /** Used heap once collections stop freeing more than a megabyte. */
    private static long settledHeap(MemoryMXBean memory) {
        AtomicLong previous = new AtomicLong(-1);
        return Eventually.within(Duration.ofSeconds(30))
                .until(
                        "the used heap to stop shrinking after a collection",
                        () -> {
                            System.gc();
                            return memory.getHeapMemoryUsage().getUsed();
                        },
                        used -> Math.abs(previous.getAndSet(used) - used) < 1 << 20);
    }
}
