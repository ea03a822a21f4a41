package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each migration is applied once, with its checksum, however many processes open the database together. */
class MigrationsTest {
    /** Every migration there is: a test that counts them names this, so a new migration is counted in one place. */
    static final int MIGRATIONS = 18;

    private final String name = "migrations-" + UUID.randomUUID();

    @Test
    void anAppliedMigrationThatChangedIsRefusedByVersionInOneLine() throws SQLException {
        Database.openInMemory(name).close();
        try (Connection admin = connect();
                Statement statement = admin.createStatement()) {
            statement.execute("UPDATE schema_version SET checksum = '" + "0".repeat(64) + "' WHERE version = 7");
        }

        assertThatThrownBy(() -> Database.openInMemory(name))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "Migration V7 (V7__conflict_dismissals.sql) has changed since this database " + "applied it")
                .hasMessageNotContaining("\n");
        try (Connection app = connect()) {
            assertThatThrownBy(() -> Migrations.current(app))
                    .as("checked at every open")
                    .hasMessageContaining("Migration V7 ");
        }
    }

    @Test
    void aHistoryFromBeforeChecksumsGetsThemOnFirstOpenAndKeepsItsRows() throws SQLException {
        Database.openInMemory(name).close();
        try (Connection admin = connect();
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER TABLE schema_version DROP COLUMN checksum");
            statement.execute("INSERT INTO unsubscribes (email, unsubscribed_at, source, actor) VALUES "
                    + "('old@example.com', CURRENT_TIMESTAMP, 'MANUAL', 'admin')");
            assertThat(Migrations.current(admin))
                    .as("not current until its checksums are kept")
                    .isFalse();
        }

        Database.openInMemory(name).close();

        try (Connection admin = connect()) {
            assertThat(Migrations.current(admin)).isTrue();
            assertThat(Jdbc.count(admin, "SELECT COUNT(*) FROM schema_version WHERE checksum IS NOT NULL"))
                    .isEqualTo(MIGRATIONS);
            assertThat(Jdbc.count(admin, "SELECT COUNT(*) FROM unsubscribes")).isOne();
        }
    }

    @Test
    void processesMigratingAFreshDatabaseTogetherApplyEachMigrationOnce() throws Exception {
        int openers = 3;
        for (int round = 0; round < 5; round++) {
            String fresh = name + "-" + round;
            CyclicBarrier together = new CyclicBarrier(openers);
            ExecutorService pool = Executors.newFixedThreadPool(openers);
            try {
                List<Future<?>> migrations = new ArrayList<>();
                for (int i = 0; i < openers; i++) {
                    migrations.add(pool.submit(() -> {
                        try (Connection admin = connect(fresh)) {
                            together.await(10, TimeUnit.SECONDS);
                            new Migrations().apply(admin, () -> connect(fresh));
                        }
                        return null;
                    }));
                }
                for (Future<?> migration : migrations) {
                    migration.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection admin = connect(fresh)) {
                assertThat(Jdbc.count(admin, "SELECT COUNT(*) FROM schema_version"))
                        .isEqualTo(MIGRATIONS);
                assertThat(Jdbc.count(admin, "SELECT COUNT(DISTINCT version) FROM schema_version"))
                        .isEqualTo(MIGRATIONS);
                try (Statement statement = admin.createStatement()) {
                    statement.execute("DROP ALL OBJECTS");
                }
            }
        }
    }

    @Test
    void nodesOpeningAFreshPostgreSqlDatabaseTogetherApplyEachMigrationOnce() throws Exception {
        int nodes = 3;
        for (int round = 0; round < 3; round++) {
            String fresh = PostgreSqlForTests.server().newEmptyDatabase();
            CyclicBarrier together = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> opened = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    opened.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        Database.openUrl(fresh, Optional.of(PostgreSqlForTests.PASSWORD), PoolSize.DESKTOP)
                                .close();
                        return null;
                    }));
                }
                for (Future<?> open : opened) {
                    open.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Database database =
                    Database.openUrl(fresh, Optional.of(PostgreSqlForTests.PASSWORD), PoolSize.DESKTOP)) {
                long versions =
                        database.read(admin -> Jdbc.count(admin, "SELECT COUNT(DISTINCT version) FROM schema_version"));
                long lines = database.read(admin -> Jdbc.count(admin, "SELECT COUNT(*) FROM schema_version"));
                assertThat(versions).isEqualTo(MIGRATIONS);
                assertThat(lines).isEqualTo(MIGRATIONS);
            }
        }
    }

    private Connection connect() throws SQLException {
        return connect(name);
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    }
}
