package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreUrlTest {
    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> Database.openUrl(
                        "jdbc:postgresql://127.0.0.1/team?user=sync&password=hunter2",
                        Optional.empty(),
                        PoolSize.DESKTOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UNSUBSCRIBE_SYNC_STORE_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedSayingWhichOnesWork() {
        assertThatThrownBy(() -> Database.openUrl("jdbc:mysql://127.0.0.1/team", Optional.empty(), PoolSize.DESKTOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void anUnreachableDatabaseIsSaidInOneLine() {
        assertThatThrownBy(() -> Database.openUrl(
                        "jdbc:postgresql://127.0.0.1:1/team?user=sync&connectTimeout=5",
                        Optional.of("s3cret"),
                        PoolSize.DESKTOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("could not open the store jdbc:postgresql://127.0.0.1:1/team: ")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aWrongPasswordIsSaidWithoutTheWrongPassword() {
        String url = PostgreSqlForTests.server().newDatabase();

        assertThatThrownBy(() -> Database.openUrl(url, Optional.of("not-the-password"), PoolSize.DESKTOP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void theRightPasswordFromOutsideTheUrlOpensTheStore() {
        String url = PostgreSqlForTests.server().newDatabase();

        try (Database database = Database.openUrl(url, Optional.of(PostgreSqlForTests.PASSWORD), PoolSize.SERVE)) {
            long unsubscribes =
                    database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM unsubscribes"));
            assertThat(unsubscribes).isZero();
        }
    }
}
