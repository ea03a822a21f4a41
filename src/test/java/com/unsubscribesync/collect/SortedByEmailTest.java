package com.unsubscribesync.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedByEmailTest {
    @Test
    void rowsComeBackInEmailOrderAcrossSpilledRunsKeepingFileOrderForTheSameAddress() {
        Random random = new Random(5);
        List<Unsubscribe> rows = new ArrayList<>();
        int count = SortedByEmail.RUN_SIZE * 2 + 17;
        for (int i = 0; i < count; i++) {
            String email = "p" + random.nextInt(count / 3) + "@example.com";
            rows.add(new Unsubscribe(Email.parse(email), Instant.ofEpochSecond(1_700_000_000L, i), UnsubscribeSource.IMPORT,
                    "tester", i % 2 == 0 ? Optional.of("row " + i) : Optional.empty()));
        }

        List<Unsubscribe> sorted = new ArrayList<>();
        try (SortedByEmail iterator = new SortedByEmail(rows.iterator())) {
            iterator.forEachRemaining(sorted::add);
        }

        assertThat(sorted).hasSize(count).containsExactlyInAnyOrderElementsOf(rows);
        for (int i = 1; i < sorted.size(); i++) {
            Unsubscribe before = sorted.get(i - 1);
            Unsubscribe after = sorted.get(i);
            assertThat(before.email().compareTo(after.email())).isLessThanOrEqualTo(0);
            if (before.email().equals(after.email())) {
                assertThat(before.at()).as("stable: the earlier row of the file first").isBefore(after.at());
            }
        }
    }
}
