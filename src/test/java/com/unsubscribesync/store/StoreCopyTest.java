package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoreCopyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00.123456Z"), ZoneOffset.UTC);

    @Test
    void aStoreCopiedToPostgreSqlAndBackToH2HoldsEveryRowAsItWasAndTheSourceIsUntouched() {
        try (Database h2 = TestStore.h2().open();
                Database postgreSql = TestStore.postgreSql().open();
                Database back = TestStore.h2().open()) {
            fill(h2);
            Map<String, List<String>> before = rows(h2);

            Map<String, Long> there = StoreCopy.copy(h2, postgreSql);
            StoreCopy.copy(postgreSql, back);

            assertThat(there.get("unsubscribes")).isEqualTo(3);
            assertThat(there.get("unsubscribe_history")).isEqualTo(5);
            assertThat(there.get("intake_api_keys"))
                    .as("the intake's API keys keep working")
                    .isEqualTo(2);
            assertThat(there.get("intake_counts")).isEqualTo(2);
            assertThat(rows(postgreSql)).isEqualTo(before);
            assertThat(rows(back)).isEqualTo(before);
            assertThat(rows(h2)).as("the source is left as it was").isEqualTo(before);
            assertThat(new UnsubscribeRepository(postgreSql, CLOCK).add(unsubscribe("dan@example.com")))
                    .as("the copy goes on numbering after the copied history")
                    .isTrue();
        }
    }

    @Test
    void everyTableOfTheStoreIsCopiedOrLeftBehindForAStatedReason() {
        try (Database database = TestStore.h2().open()) {
            Set<String> tables = database.read(connection -> {
                Set<String> names = new TreeSet<>();
                try (ResultSet found =
                        connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                    while (found.next()) {
                        names.add(found.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                return names;
            });
            Set<String> accounted = new TreeSet<>(StoreCopy.TABLES);
            accounted.addAll(StoreCopy.NOT_COPIED);

            assertThat(tables)
                    .as("a table a migration adds must be copied or named as left behind")
                    .isEqualTo(accounted);
        }
    }

    @Test
    void aTargetHoldingRowsIsRefusedAndLeftAsItWas() {
        try (Database from = TestStore.h2().open();
                Database to = TestStore.postgreSql().open()) {
            fill(from);
            new UnsubscribeRepository(to, CLOCK).add(unsubscribe("kept@example.com"));

            assertThatThrownBy(() -> StoreCopy.copy(from, to))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not empty");
            assertThat(rows(to).get("unsubscribes")).hasSize(1);
        }
    }

    private static void fill(Database database) {
        UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, CLOCK);
        for (String address : List.of("ann@example.com", "bob@example.com", "cy@example.com", "eve@example.com")) {
            unsubscribes.add(unsubscribe(address));
        }
        unsubscribes.resubscribe(Email.parse("eve@example.com"), "tester", "asked again", CLOCK.instant());
        new PeopleRepository(database, CLOCK)
                .save(new Person(
                        Email.parse("ann@example.com"), Optional.of("Ann"), Optional.empty(), Optional.empty()));
        long run = new SyncRunRepository(database).start(SyncRun.Trigger.RUN_NOW, false, CLOCK.instant());
        new RunLock(database, "nightly").tryAcquire("node-1", Duration.ofMinutes(5), CLOCK.instant());
        ApiKeyRepository keys = new ApiKeyRepository(database);
        keys.add(StoredApiKey.fresh("webhook", "k1k1k1k1k1k1k1k1", "a".repeat(64), CLOCK.instant()));
        keys.add(StoredApiKey.fresh("form", "k2k2k2k2k2k2k2k2", "b".repeat(64), CLOCK.instant()));
        keys.recordUse("k1k1k1k1k1k1k1k1", CLOCK.instant());
        keys.revoke("form", CLOCK.instant());
        new IntakeCountRepository(database)
                .save("node-1", LocalDate.of(2026, 11, 28), Map.of("clicks", 12L, "refused.too-fast", 3L));
        assertThat(run).isPositive();
    }

    private static Unsubscribe unsubscribe(String address) {
        return new Unsubscribe(
                Email.parse(address), CLOCK.instant(), UnsubscribeSource.MANUAL, "tester", Optional.empty());
    }

    /** Every copied table's rows, each as text, in text order; times as instants. */
    private static Map<String, List<String>> rows(Database database) {
        return database.read(connection -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table : StoreCopy.TABLES) {
                List<String> lines = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime) {
                                value = rows.getObject(i, OffsetDateTime.class).toInstant();
                            }
                            line.append(rows.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT))
                                    .append('=')
                                    .append(value)
                                    .append(' ');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                tables.put(table, lines);
            }
            return tables;
        });
    }
}
