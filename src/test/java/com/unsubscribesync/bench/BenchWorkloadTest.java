package com.unsubscribesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine and the bare force-wsc baseline are compared on two orgs seeded alike: the comparison holds only if
 * both get exactly the same work, step after step.
 */
class BenchWorkloadTest {
    @Test
    void twoOrgsSeededAlikeGetTheSameUnsubscribesChangesAndBurst() throws Exception {
        try (LocalOrg engines = start();
                LocalOrg baselines = start()) {
            Set<String> local = BenchWorkload.localUnsubscribes(engines.state(), 0.05);
            assertThat(local).isNotEmpty().isEqualTo(BenchWorkload.localUnsubscribes(baselines.state(), 0.05));

            BenchWorkload.Changes changes = BenchWorkload.changes(engines.state(), 10, local);
            assertThat(changes.optedOutInSalesforce()).isNotEmpty();
            assertThat(changes.unsubscribedHere()).isNotEmpty().doesNotContainAnyElementsOf(local);
            assertThat(BenchWorkload.changes(baselines.state(), 10, local)).isEqualTo(changes);

            BenchWorkload.Burst burst = BenchWorkload.burst(engines.state(), 40, local);
            assertThat(burst.emails()).hasSize(40).doesNotContainAnyElementsOf(local);
            assertThat(burst.recordsByEmail().keySet()).containsExactlyInAnyOrderElementsOf(burst.emails());
            assertThat(BenchWorkload.burst(baselines.state(), 40, local)).isEqualTo(burst);
        }
    }

    private static LocalOrg start() throws Exception {
        return LocalOrg.start(LocalOrgOptions.defaults().withPeople(600));
    }
}
