package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file hands out row numbers a thousand at a time, and never the same number twice across reopening. */
class IdentitiesInThousandsTest {
    @TempDir
    Path data;

    @Test
    void everyNumberedTableOfTheFileTakesItsNumbersAThousandAtATime() throws SQLException {
        try (Database database = Database.openFile(data)) {
            Map<String, Long> caches = new LinkedHashMap<>();
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT table_name, identity_cache FROM "
                            + "information_schema.columns WHERE is_identity = 'YES' "
                            + "AND table_schema = current_schema()")) {
                while (rows.next()) {
                    caches.put(rows.getString(1), rows.getLong(2));
                }
            }
            assertThat(caches).containsKeys("UNSUBSCRIBE_HISTORY", "OUTBOX", "CONFLICTS", "SYNC_RUNS");
            assertThat(caches.values()).containsOnly((long) IdentitiesInThousands.CACHE);
        }
    }

    @Test
    void historyNumbersKeepGrowingAfterTheFileIsReopened() {
        long before;
        try (Database database = Database.openFile(data)) {
            before = lastHistoryId(database, "first@example.com");
        }
        try (Database database = Database.openFile(data)) {
            assertThat(lastHistoryId(database, "second@example.com")).isGreaterThan(before);
        }
    }

    private static long lastHistoryId(Database database, String address) {
        new UnsubscribeRepository(database, Clock.systemUTC())
                .add(new Unsubscribe(
                        new Email(address), Instant.now(), UnsubscribeSource.MANUAL, "admin", Optional.empty()));
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM unsubscribe_history")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
