package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file of a data directory: who may do what in it, its upgrade, and files it refuses. */
class DatabaseFileTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void theAppsDatabaseUserCannotReachFilesRunJavaOrChangeTheSchema() throws Exception {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            for (String forbidden : List.of(
                    "SELECT FILE_READ('" + data.resolve(DatabasePasswords.FILE) + "')",
                    "CALL FILE_WRITE('x', '" + data.resolve("written.txt") + "')",
                    "CREATE ALIAS GET_PROPERTY FOR 'java.lang.System.getProperty'",
                    "CREATE TABLE stolen (line VARCHAR(100))",
                    "DROP TABLE unsubscribe_history",
                    "ALTER TABLE unsubscribes ADD COLUMN note VARCHAR(10)",
                    "SCRIPT TO '" + data.resolve("dump.sql") + "'",
                    "BACKUP TO '" + data.resolve("copy.zip") + "'",
                    "CREATE USER evil PASSWORD 'x' ADMIN",
                    "ALTER USER SA SET PASSWORD 'x'",
                    "SELECT * FROM CSVREAD('" + data.resolve(DatabasePasswords.FILE) + "')",
                    "CREATE LINKED TABLE l('org.h2.Driver', 'jdbc:h2:mem:x', 'sa', '', 't')",
                    "SHUTDOWN")) {
                assertThatThrownBy(() -> database.read(connection -> {
                            try (Statement statement = connection.createStatement()) {
                                return statement.execute(forbidden);
                            }
                        }))
                        .as(forbidden)
                        .isInstanceOf(StoreException.class)
                        .cause()
                        .satisfies(e ->
                                assertThat(((SQLException) e).getErrorCode()).isIn(90040, 90096));
            }
            assertThat(data.resolve("written.txt")).doesNotExist();
            assertThat(new UnsubscribeRepository(database, CLOCK).count()).isOne();
        }
    }

    @Test
    void thePasswordlessAdminOfAnOlderInstallIsRefused() throws Exception {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            assertThatThrownBy(
                            () -> DriverManager.getConnection(url(), "sa", "").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
        }
    }

    @Test
    void aDatabaseFromBeforeThePasswordsAndTheChecksumsIsUpgradedOnFirstOpenAndKeepsItsRows() throws Exception {
        try (Connection legacy = DriverManager.getConnection(url(), "sa", "")) {
            new Migrations().apply(legacy, () -> DriverManager.getConnection(url(), "sa", ""));
            try (Statement statement = legacy.createStatement()) {
                statement.execute("ALTER TABLE schema_version DROP COLUMN checksum");
                statement.execute("INSERT INTO unsubscribes (email, unsubscribed_at, source, actor) VALUES "
                        + "('old@example.com', CURRENT_TIMESTAMP, 'MANUAL', 'admin')");
            }
        }
        assertThat(data.resolve(DatabasePasswords.FILE)).doesNotExist();

        try (Database database = Database.openFile(data)) {
            assertThat(new UnsubscribeRepository(database, CLOCK).count()).isOne();
            assertThat((long) database.read(connection -> Jdbc.count(
                            connection, "SELECT COUNT(*) FROM " + "schema_version WHERE checksum IS NOT NULL")))
                    .as("checksums recorded")
                    .isEqualTo(MigrationsTest.MIGRATIONS);
            add(database, "new@example.com");
            assertThat((long) database.read(connection -> Jdbc.count(
                            connection,
                            "SELECT COUNT(*) FROM "
                                    + "INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER AND NOT IS_ADMIN")))
                    .as("not an admin")
                    .isOne();
        }
        assertThat(mode(data.resolve(DatabasePasswords.FILE))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                .isInstanceOf(SQLException.class);
        try (Database again = Database.openFile(data)) {
            assertThat(new UnsubscribeRepository(again, CLOCK).count()).isEqualTo(2);
        }
    }

    @Test
    void anUpgradeCutShortAfterThePasswordsWereSavedIsFinishedOnTheNextOpen() throws Exception {
        try (Connection legacy = DriverManager.getConnection(url(), "sa", "")) {
            new Migrations().apply(legacy, () -> DriverManager.getConnection(url(), "sa", ""));
        }
        DatabasePasswords.random().keep(data);

        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            assertThat(new UnsubscribeRepository(database, CLOCK).count()).isOne();
        }
    }

    @Test
    void aPreviewMakesAndDropsItsOwnTableAsTheAppsUser() {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            RunPlanRepository plans = new RunPlanRepository(database);
            RunPlan preview = plans.open(true, 100, NOW);
            preview.savePulled(List.of(new MirrorRepository.Pulled(
                    new MirrorRecord(
                            SalesforceId.parse("003000000000001"),
                            Optional.of(Email.parse("ann@example.com")),
                            false,
                            false,
                            false,
                            Optional.empty(),
                            false,
                            Optional.empty()),
                    NOW)));
            assertThat(preview.seedAddresses()).isOne();
            preview.close();
            assertThat((long) database.read(connection -> Jdbc.count(
                            connection,
                            "SELECT COUNT(*) FROM "
                                    + "INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'PREVIEW_MIRROR%'")))
                    .isZero();
        }
    }

    @Test
    void theDatabaseAndItsFilesAreOwnerOnlyWhateverTheUmask() throws Exception {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            assertThat(mode(data.resolve("unsubscribe-sync.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve(DatabasePasswords.FILE))).isEqualTo("rw-------");
        }
    }

    @Test
    void aCommitOfTheAppsUserReachesTheFileAtOnceAndLeavesNoTraceFile() throws Exception {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            int delay = database.read(connection -> ((org.h2.engine.SessionLocal)
                            connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore()
                    .getAutoCommitDelay());
            assertThat(delay).as("H2's write delay in ms").isZero();
        }
        assertThat(data.resolve("unsubscribe-sync.trace.db")).doesNotExist();
    }

    @Test
    void processesCreatingTheDatabaseTogetherAllOpenTheSameOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Database>> opening = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opening.add(pool.submit(() -> Database.openFile(data)));
            }
            List<Database> opened = new ArrayList<>();
            for (Future<Database> future : opening) {
                opened.add(future.get());
            }
            add(opened.get(0), "ann@example.com");
            for (Database database : opened) {
                assertThat(new UnsubscribeRepository(database, CLOCK).count()).isOne();
                database.close();
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("-new-"));
        }
    }

    @Test
    void anEmptyDatabaseFileIsRefusedByNameAndLeftAsItIs() throws Exception {
        createThenClose();
        Files.write(data.resolve("unsubscribe-sync.mv.db"), new byte[0]);

        assertThatThrownBy(() -> Database.openFile(data))
                .isInstanceOf(DamagedFileException.class)
                .hasMessage("the database file " + data.toAbsolutePath().resolve("unsubscribe-sync.mv.db") + " is "
                        + "empty (0 bytes): restore it from a backup (or move it aside to start empty)");
        assertThat(data.resolve("unsubscribe-sync.mv.db")).isEmptyFile();
    }

    @Test
    void aDatabaseFileCutShortIsRefusedByNameAndLeftAsItIs() throws Exception {
        createThenClose();
        Path file = data.resolve("unsubscribe-sync.mv.db");
        byte[] whole = Files.readAllBytes(file);
        // Cut inside H2's two header blocks, or before the chunk they point at (H2 itself opened these last ones
        // as a new, empty database).
        for (int size : new int[] {1, 100, 4096, 8192, 12_000}) {
            Files.write(file, whole);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
            assertThatThrownBy(() -> Database.openFile(data))
                    .as("cut to %d bytes", size)
                    .isInstanceOf(DamagedFileException.class)
                    .hasMessageStartingWith("the database file "
                            + data.toAbsolutePath().resolve("unsubscribe-sync.mv.db") + " is damaged (")
                    .hasMessageEndingWith("restore it from a backup (or move it aside to start empty)");
            assertThat(Files.size(file)).as("left as it was").isEqualTo(size);
        }
    }

    @Test
    void aMissingPasswordFileIsRefusedAndNoNewOneIsMade() throws Exception {
        createThenClose();
        Files.delete(data.resolve(DatabasePasswords.FILE));

        assertThatThrownBy(() -> Database.openFile(data))
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining(DatabasePasswords.FILE + " is missing")
                .hasMessageContaining("restore");
        assertThat(data.resolve(DatabasePasswords.FILE)).doesNotExist();
    }

    @Test
    void aDamagedPasswordFileIsRefusedByName() throws Exception {
        createThenClose();
        Files.writeString(data.resolve(DatabasePasswords.FILE), "app=\n");

        assertThatThrownBy(() -> Database.openFile(data))
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining(DatabasePasswords.FILE + " is damaged");
    }

    private void createThenClose() {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
        }
    }

    @Test
    void compactingGivesBackTheSpaceOfPagesNoLongerUsedAndKeepsEveryRow() throws Exception {
        try (Database database = Database.openFile(data)) {
            UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, CLOCK);
            // Each small transaction writes its changed pages anew: the file grows well past its data.
            for (int i = 0; i < 2_000; i++) {
                unsubscribes.add(new Unsubscribe(
                        Email.parse("person" + i + "@example.com"),
                        NOW,
                        UnsubscribeSource.MANUAL,
                        "tester",
                        Optional.empty()));
            }
        }
        Path file = data.resolve("unsubscribe-sync.mv.db");

        CompactedFile compacted = Database.compactFile(data);

        assertThat(compacted.bytesBefore()).isGreaterThan(2 * compacted.bytesAfter());
        assertThat(compacted.bytesAfter()).isEqualTo(Files.size(file));
        assertThat(mode(file)).isEqualTo("rw-------");
        try (Database reopened = Database.openFile(data)) {
            assertThat(new UnsubscribeRepository(reopened, CLOCK).count()).isEqualTo(2_000);
        }
    }

    @Test
    void compactingIsRefusedWhileAnotherProcessHasTheFileOpenAndLeavesItAsItWas() throws Exception {
        try (Database database = Database.openFile(data)) {
            add(database, "ann@example.com");
            long before = Files.size(data.resolve("unsubscribe-sync.mv.db"));

            assertThatThrownBy(() -> Database.compactFile(data))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is open in another process (the console or serve)");

            assertThat(Files.size(data.resolve("unsubscribe-sync.mv.db"))).isEqualTo(before);
            assertThat(new UnsubscribeRepository(database, CLOCK).count()).isEqualTo(1);
        }
    }

    @Test
    void compactingADirectoryWithoutAStoreFileSaysSoAndMakesNone() {
        assertThatThrownBy(() -> Database.compactFile(data))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("there is no store file in");
        assertThat(data.resolve("unsubscribe-sync.mv.db")).doesNotExist();
    }

    private static void add(Database database, String email) {
        new UnsubscribeRepository(database, CLOCK)
                .add(new Unsubscribe(Email.parse(email), NOW, UnsubscribeSource.MANUAL, "tester", Optional.empty()));
    }

    private String url() {
        return "jdbc:h2:file:" + data.toAbsolutePath().resolve("unsubscribe-sync") + ";AUTO_SERVER=TRUE";
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
