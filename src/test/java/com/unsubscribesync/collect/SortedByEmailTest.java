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
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path folder;

    @Test
    void rowsComeBackInEmailOrderAcrossSpilledRunsKeepingFileOrderForTheSameAddress() {
        Random random = new Random(5);
        List<Unsubscribe> rows = new ArrayList<>();
        int count = SortedByEmail.RUN_SIZE * 2 + 17;
        for (int i = 0; i < count; i++) {
            String email = "p" + random.nextInt(count / 3) + "@example.com";
            rows.add(new Unsubscribe(
                    Email.parse(email),
                    Instant.ofEpochSecond(1_700_000_000L, i),
                    UnsubscribeSource.IMPORT,
                    "tester",
                    i % 2 == 0 ? Optional.of("row " + i) : Optional.empty()));
        }

        List<Unsubscribe> sorted = new ArrayList<>();
        try (SortedByEmail iterator = new SortedByEmail(rows.iterator(), folder)) {
            iterator.forEachRemaining(sorted::add);
        }

        // A stable in-memory sort is the reference: same rows, email order, file order among equal addresses.
        List<Unsubscribe> expected = new ArrayList<>(rows);
        expected.sort(java.util.Comparator.comparing(Unsubscribe::email));
        assertThat(sorted.size()).isEqualTo(count);
        assertThat(sorted.equals(expected))
                .as("same rows in the same order as a stable sort")
                .isTrue();
    }
}
