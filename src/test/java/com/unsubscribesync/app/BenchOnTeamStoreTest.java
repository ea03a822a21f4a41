package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.PoolSize;
import com.unsubscribesync.store.TeamStoreForTests;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --store URL} on the test PostgreSQL: the scenarios run there, each in a schema of its own, and the
 * database (and any store an admin keeps in it) is left exactly as it was found.
 */
// Each runs whole benchmarks (a minute together): with -Pslow, which CI also runs.
@Tag("slow")
class BenchOnTeamStoreTest {
    @Test
    void eachScenarioRunsOnThePostgreSqlStoreAndNamesIt() throws Exception {
        String url = TeamStoreForTests.newDatabase();
        List<String> before = contents(url);

        CliRun run = bench(url, "--people", "200", "--scenario", "initial,incremental,list", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out());
        List<String> scenarios = new ArrayList<>();
        results.forEach(result -> scenarios.add(result.get("scenario").asText()));
        assertThat(scenarios).containsExactly("initial", "incremental", "list");
        results.forEach(result -> assertThat(result.get("store").asText())
                .as(result.get("scenario").asText())
                .isEqualTo("postgresql"));
        assertThat(results.get(0).get("sameWorkAsBaseline").asBoolean()).isTrue();
        assertThat(results.get(1).get("pushed").asInt())
                .as("incremental starts where initial left its store")
                .isPositive();
        JsonNode list = results.get(2);
        assertThat(list.get("imported").asInt())
                .as("list starts from an empty store")
                .isEqualTo(200);
        assertThat(list.get("firstPageMedianMs").asDouble()).isPositive();
        assertThat(list.get("prefixSearchMedianMs").asDouble()).isPositive();
        assertThat(contents(url)).as("schemas, tables and their rows").isEqualTo(before);
    }

    @Test
    void anAdminsStoreInTheDatabaseIsLeftUntouched() throws Exception {
        String url = TeamStoreForTests.newDatabase();
        try (Database store = Database.openUrl(url, Optional.of(TeamStoreForTests.password()), PoolSize.DESKTOP)) {
            new UnsubscribeRepository(store, Clock.systemUTC())
                    .add(new Unsubscribe(
                            Email.parse("kept@example.com"),
                            Instant.now(),
                            UnsubscribeSource.MANUAL,
                            "admin",
                            Optional.empty()));
        }
        // A preview under way keeps what it pulled under the name the bench's first run would clear in its own store.
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE previews.preview_mirror_1 (id CHAR(18) PRIMARY KEY)");
            statement.execute("INSERT INTO previews.preview_mirror_1 VALUES ('003000000000001AAA')");
        }
        List<String> before = contents(url);

        CliRun run = bench(url, "--people", "200", "--scenario", "initial", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(contents(url)).isEqualTo(before);
        assertThat(before).contains("public.unsubscribes 1", "previews.preview_mirror_1 1");
    }

    @Test
    void aUserWhoMayNotCreateASchemaIsToldSoInOneLine() throws Exception {
        String url = TeamStoreForTests.newDatabase();
        String user = "bench_without_create_" + Long.toHexString(System.nanoTime());
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + TeamStoreForTests.password() + "'");
        }
        List<String> before = contents(url);

        CliRun run = bench(url.replace("user=postgres", "user=" + user), "--people", "100", "--scenario", "list");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine())
                .contains("could not make the schema unsubscribe_sync_bench_")
                .contains("permission denied")
                .contains("allowed to create a schema");
        assertThat(run.out()).isEmpty();
        assertThat(contents(url)).isEqualTo(before);
    }

    @Test
    void aStoreUrlHoldingAPasswordIsRefusedInOneLine() {
        CliRun run = CliRun.withArgumentsAsGiven()
                .run("--store", "jdbc:postgresql://127.0.0.1:1/x?user=a&password=secret", "bench", "--people", "100");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine()).contains("UNSUBSCRIBE_SYNC_STORE_PASSWORD").doesNotContain("secret");
        assertThat(run.out()).isEmpty();
    }

    private static CliRun bench(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", url, "bench"));
        all.addAll(List.of(args));
        return CliRun.withArgumentsAsGiven()
                .env(Map.of("UNSUBSCRIBE_SYNC_STORE_PASSWORD", TeamStoreForTests.password()))
                .run(all.toArray(String[]::new));
    }

    /** Every schema of the database, and every table in it with its number of rows. */
    private static List<String> contents(String url) throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT schema_name FROM information_schema.schemata "
                    + "WHERE schema_name NOT LIKE 'pg\\_%' AND schema_name <> 'information_schema' ORDER BY 1")) {
                while (rows.next()) {
                    seen.add("schema " + rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name FROM "
                    + "information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
                    + "ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    seen.add(table + " " + rows.getLong(1));
                }
            }
        }
        return seen;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", TeamStoreForTests.password());
    }
}
