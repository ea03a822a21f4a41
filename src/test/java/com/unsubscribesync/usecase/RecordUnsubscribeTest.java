package com.unsubscribesync.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording an unsubscribe is one act for the console and the command line: checked, written, pusher woken. */
class RecordUnsubscribeTest {
    private static final Instant NOW = Instant.parse("2024-06-03T12:00:00Z");

    @TempDir
    Path data;

    private final Database database = Database.openInMemory("record-" + UUID.randomUUID());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, clock);
    private final AtomicInteger wakes = new AtomicInteger();

    private RecordUnsubscribe record() {
        return new RecordUnsubscribe(
                unsubscribes,
                new UnsubscribeImporter(unsubscribes, clock, data.resolve("scratch")),
                clock,
                "admin",
                wakes::incrementAndGet);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewUnsubscribeIsWrittenByTheActorAndWakesThePusher() {
        RecordUnsubscribe.Recorded recorded =
                record().add(new Email("ana@example.com"), UnsubscribeSource.MANUAL, Optional.of("Asked by phone"));

        assertThat(recorded.added()).isTrue();
        assertThat(unsubscribes.find(new Email("ana@example.com"))).hasValueSatisfying(u -> {
            assertThat(u.actor()).isEqualTo("admin");
            assertThat(u.at()).isEqualTo(NOW);
        });
        assertThat(wakes).hasValue(1);
    }

    @Test
    void anAddressUnsubscribedAlreadyKeepsItsFirstUnsubscribeAndDoesNotWakeThePusher() {
        record().add(new Email("ana@example.com"), UnsubscribeSource.BOUNCE, Optional.empty());

        RecordUnsubscribe.Recorded again =
                record().add(new Email("ana@example.com"), UnsubscribeSource.MANUAL, Optional.empty());

        assertThat(again.added()).isFalse();
        assertThat(again.unsubscribe().source()).isEqualTo(UnsubscribeSource.BOUNCE);
        assertThat(wakes).hasValue(1);
    }

    @Test
    void sourcesTheAppSetsItselfAreRefusedForEveryFrontEnd() {
        for (UnsubscribeSource source :
                new UnsubscribeSource[] {UnsubscribeSource.IMPORT, UnsubscribeSource.SALESFORCE_SYNC}) {
            assertThatThrownBy(() -> record().add(new Email("ana@example.com"), source, Optional.empty()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is set by the app itself");
        }
        assertThat(unsubscribes.count()).isZero();
        assertThat(wakes).hasValue(0);
    }

    @Test
    void anImportThatWroteWakesThePusherAndADryRunDoesNot() throws Exception {
        Path csv = Files.writeString(data.resolve("in.csv"), "email\nbo@example.com\ncy@example.com\n");

        record().importFile(csv, CsvLayout.STANDARD, new ImportOptions(true, false), ImportProgress.NONE);
        assertThat(wakes).hasValue(0);

        record().importFile(csv, CsvLayout.STANDARD, new ImportOptions(false, false), ImportProgress.NONE);
        assertThat(unsubscribes.count()).isEqualTo(2);
        assertThat(wakes).hasValue(1);
    }
}
