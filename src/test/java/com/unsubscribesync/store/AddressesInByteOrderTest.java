package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Addresses list and page in byte order on both stores, the order Java computes keyset marks and plan slices in. */
@ExtendWith(EachStore.class)
class AddressesInByteOrderTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    private Database database;

    @BeforeEach
    void openStore(Database database) {
        this.database = database;
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @OnEachStore
    void theListIsInTheOrderJavaSortsAddressesIn() {
        // A language's collation skips punctuation at first: it would put ab@ before a_c@ and a.d@.
        List<String> addresses = List.of("ab@example.com", "a_c@example.com", "a.d@example.com", "a-e@example.com");
        UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, CLOCK);
        addresses.forEach(address -> unsubscribes.add(
                new Unsubscribe(new Email(address), AT, UnsubscribeSource.MANUAL, "admin", Optional.empty())));

        List<String> listed = unsubscribes.list("a", 10, 0).stream()
                .map(row -> row.unsubscribe().email().value())
                .toList();

        assertThat(listed).isEqualTo(addresses.stream().sorted().toList());
    }

    @OnEachStore
    void everyAddressColumnOnPostgreSqlComparesInByteOrder() throws SQLException {
        if (database.dialect() != SqlDialect.POSTGRESQL) {
            return; // H2 compares strings as Java does: there is no collation to set
        }
        List<String> notInByteOrder = new ArrayList<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name, column_name, collation_name "
                        + "FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND column_name LIKE '%email%' AND data_type = 'character varying'")) {
            while (rows.next()) {
                if (!"C".equals(rows.getString(3))) {
                    notInByteOrder.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
        }
        assertThat(notInByteOrder).isEmpty();
    }
}
