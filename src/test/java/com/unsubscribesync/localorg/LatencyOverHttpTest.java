package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A latency profile over the wire, with the real client. Only lower bounds, except where parallel calls must not
 * queue: there the bound is far above one call and below two in a row.
 */
class LatencyOverHttpTest {

    @Test
    void aCallWaitsForItsFixedTime() throws Exception {
        try (LocalOrg org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(5).withLatency(LatencyProfile.parse("default=300ms")))) {
            PartnerConnection client = Clients.partner(org);

            long start = System.nanoTime();
            client.getServerTimestamp();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aQueryWaitsForEachRowItReturns() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(400))) {
            PartnerConnection client = Clients.partner(org);
            client.getServerTimestamp();
            org.latency().use(LatencyProfile.parse("query=2ms/row"));

            long start = System.nanoTime();
            int rows = client.query("SELECT Id FROM Contact").getRecords().length;

            assertThat(rows).isPositive();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2L * rows));
        }
    }

    @Test
    void anUpdateWaitsForEachRecordItSends() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(200))) {
            PartnerConnection client = Clients.partner(org);
            SObject[] contacts = client.query("SELECT Id FROM Contact LIMIT 50").getRecords();
            SObject[] changes = new SObject[contacts.length];
            for (int i = 0; i < contacts.length; i++) {
                changes[i] = new SObject("Contact");
                changes[i].setId(contacts[i].getId());
                changes[i].setField("HasOptedOutOfEmail", true);
            }
            org.latency().use(LatencyProfile.parse("update=10ms/row"));

            long start = System.nanoTime();
            client.update(changes);

            assertThat(contacts).hasSizeGreaterThan(10);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(10L * contacts.length));
        }
    }

    @Test
    void zeroLeavesTheOrgAsFastAsWithoutAProfile() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            assertThat(org.latency().profile().isZero()).isTrue();
            assertThat(org.latency().delay("query", 2000)).isZero();
        }
    }

    @Test
    void callsInParallelWaitSideBySideNotInTurn() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            PartnerConnection first = Clients.partner(org);
            PartnerConnection second = Clients.partner(org);
            first.getServerTimestamp();
            second.getServerTimestamp();
            org.latency().use(LatencyProfile.parse("default=1000ms"));
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                long start = System.nanoTime();
                List<Future<Object>> calls = callers.invokeAll(
                        List.<Callable<Object>>of(() -> first.getServerTimestamp(), () -> second.getServerTimestamp()));
                for (Future<Object> call : calls) {
                    call.get();
                }
                Duration both = Duration.ofNanos(System.nanoTime() - start);

                assertThat(both).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
                assertThat(both).as("two calls in turn would take 2 s").isLessThan(Duration.ofMillis(1800));
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
