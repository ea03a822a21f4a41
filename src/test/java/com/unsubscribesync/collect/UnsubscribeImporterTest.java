package com.unsubscribesync.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.PartlySavedException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsubscribeImporterTest {
    private static final int FULL_DISK_ROWS = 2_500;
    private static final Clock CLOCK = ImporterOnAStore.CLOCK;

    @TempDir
    Path folder;

    private ImporterOnAStore store;

    @BeforeEach
    void open() {
        store = new ImporterOnAStore(folder);
    }

    @AfterEach
    void close() {
        DiskFillsUp.ROWS_THAT_FIT.set(Integer.MAX_VALUE);
        store.close();
    }

    @Test
    void importsQuotedCellsFromAUtf8FileWithBomCrlfAndHeaderInAnyCase() throws IOException {
        Path file = write("\uFEFFEMAIL,Source,REASON,Unsubscribed_At\r\n"
                + "Ann@Example.com,clicked-link,\"said \"\"stop\"\", twice\",2024-05-01\r\n"
                + "bo@example.com,,\"multi\nline\",2024-05-02T10:00:00Z\r\n");

        ImportReport report = store.importer.importFile(file, new ImportOptions(false, false), "tester");

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.problems()).isEmpty();
        var ann = store.unsubscribes.find(Email.parse("ann@example.com")).orElseThrow();
        assertThat(ann.source()).isEqualTo(UnsubscribeSource.CLICKED_LINK);
        assertThat(ann.reason()).contains("said \"stop\", twice");
        assertThat(ann.at()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        var bo = store.unsubscribes.find(Email.parse("bo@example.com")).orElseThrow();
        assertThat(bo.source()).isEqualTo(UnsubscribeSource.IMPORT);
        assertThat(bo.reason()).contains("multi\nline");
    }

    @Test
    void badRowsAreReportedByLineAndNothingIsImported() throws IOException {
        Path file = write(
                "email,unsubscribed_at\nann@example.com,\nBad@@x,\ncy@example.com,yesterday\n\ndee@example.com,\n");

        ImportReport report = store.importer.importFile(file, new ImportOptions(false, false), "tester");

        assertThat(report.written()).isFalse();
        assertThat(report.problems())
                .containsExactly(
                        "line 3: email 'bad@@x' has more than one @",
                        "line 4: unsubscribed_at 'yesterday' is not a date: use 2024-05-01 or 2024-05-01T10:00:00Z");
        assertThat(store.unsubscribes.count()).isZero();
        assertThat(new OutboxRepository(store.database).pendingCount()).isZero();
    }

    @Test
    void skipInvalidImportsTheGoodRowsAndReportsTheRest() throws IOException {
        Path file = write("email\nann@example.com\nnot-an-email\nbo@example.com\n");

        ImportReport report = store.importer.importFile(file, new ImportOptions(false, true), "tester");

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.problems()).containsExactly("line 3: email 'not-an-email' has no @");
        assertThat(store.unsubscribes.count()).isEqualTo(2);
    }

    @Test
    void dryRunReportsWithoutWriting() throws IOException {
        Path file = write("email\nann@example.com\nbo@example.com\n");

        ImportReport report = store.importer.importFile(file, new ImportOptions(true, false), "tester");

        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.written()).isFalse();
        assertThat(store.unsubscribes.count()).isZero();
    }

    @Test
    void duplicateEmailsInAFileAreMergedNotErrors() throws IOException {
        Path file = write("email,reason\nann@example.com,first\nANN@example.com,second\n");

        ImportReport report = store.importer.importFile(file, new ImportOptions(false, false), "tester");

        assertThat(report.problems()).isEmpty();
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(store.unsubscribes
                        .find(Email.parse("ann@example.com"))
                        .orElseThrow()
                        .reason())
                .contains("first");
        assertThat(new OutboxRepository(store.database).pendingCount()).isEqualTo(1);
    }

    @Test
    void rowClaimingToComeFromTheSalesforceSyncIsRefused() throws IOException {
        Path file = write("email,source\nann@example.com,salesforce-sync\n");
        ImportReport report = store.importer.importFile(file, new ImportOptions(false, false), "tester");
        assertThat(report.problems()).singleElement().asString().startsWith("line 2: source 'Salesforce Sync'");
    }

    @Test
    void wrongFilesGetOneClearSentence() throws IOException {
        Path binary = folder.resolve("photo.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        assertThatThrownBy(() -> store.importer.importFile(binary, new ImportOptions(false, false), "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a text file");

        Path noEmail = write("name,address\nAnn,ann@example.com\n");
        assertThatThrownBy(() -> store.importer.importFile(noEmail, new ImportOptions(false, false), "t"))
                .hasMessageContaining("has no 'email' column");

        Path empty = write("");
        assertThatThrownBy(() -> store.importer.importFile(empty, new ImportOptions(false, false), "t"))
                .hasMessageContaining("is empty");

        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "email,reason\nann@example.com,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> store.importer.importFile(latin1, new ImportOptions(false, false), "t"))
                .hasMessageContaining("is not UTF-8 text");

        Path missing = folder.resolve("missing.csv");
        assertThatThrownBy(() -> store.importer.importFile(missing, new ImportOptions(false, false), "t"))
                .hasMessageContaining("does not exist");
        assertThat(store.unsubscribes.count()).isZero();
    }

    private Path write(String content) throws IOException {
        return store.write(content);
    }

    @Test
    void aDiskThatFillsUpAfterTheFirstBatchIsReportedWithTheRowsSavedAndARerunFinishesTheImport() throws IOException {
        Path file = folder.resolve("unsubscribes.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,reason\n");
            for (int i = 0; i < FULL_DISK_ROWS; i++) {
                out.write("person" + i + "@example.com,asked by phone\n");
            }
        }
        DiskFillsUp.ROWS_THAT_FIT.set(1_500);
        store.database.inTransaction(c -> c.createStatement()
                .execute("CREATE TRIGGER disk_fills_up BEFORE INSERT ON " + "unsubscribes FOR EACH ROW CALL \""
                        + DiskFillsUp.class.getName() + "\""));

        assertThatThrownBy(() -> store.importer.importFile(file, new ImportOptions(false, false), "tester"))
                .isInstanceOfSatisfying(PartlySavedException.class, e -> {
                    assertThat(e.rowsSaved()).isEqualTo(1_000);
                    assertThat(e.added()).isEqualTo(1_000);
                    assertThat(e.getMessage())
                            .contains("1000 rows were saved for good (1000 new unsubscribes)")
                            .contains("No space left on device")
                            .contains("run the same import again")
                            .doesNotContain("rolled back")
                            .doesNotContain("\n");
                });
        assertThat(store.unsubscribes.count()).isEqualTo(1_000);
        assertThat(Files.list(folder.resolve(ImportScratch.FOLDER)).toList())
                .as("scratch removed")
                .isEmpty();

        store.database.inTransaction(c -> c.createStatement().execute("DROP TRIGGER disk_fills_up"));
        ImportReport again = store.importer.importFile(file, new ImportOptions(false, false), "tester");
        assertThat(again.added()).isEqualTo(FULL_DISK_ROWS - 1_000);
        assertThat(store.unsubscribes.count()).isEqualTo(FULL_DISK_ROWS);
    }

    @Test
    void aFailureInTheFirstBatchSavesNothingAndSaysSo() throws IOException {
        Path file = folder.resolve("few.csv");
        Files.writeString(file, "email\na@example.com\nb@example.com\n");
        DiskFillsUp.ROWS_THAT_FIT.set(1);
        store.database.inTransaction(c -> c.createStatement()
                .execute("CREATE TRIGGER disk_fills_up BEFORE INSERT ON " + "unsubscribes FOR EACH ROW CALL \""
                        + DiskFillsUp.class.getName() + "\""));

        assertThatThrownBy(() -> store.importer.importFile(file, new ImportOptions(false, false), "tester"))
                .isNotInstanceOf(PartlySavedException.class)
                .hasMessageContaining("rolled back");
        assertThat(store.unsubscribes.count()).isZero();
    }

    @Test
    void aScratchFolderThatCannotBeWrittenImportsNothingAndSaysWhereAndWhatToDo() throws IOException {
        Path file = write("email\na@example.com\n");
        Path blocked = folder.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the scratch folder should be");
        UnsubscribeImporter stuck = new UnsubscribeImporter(store.unsubscribes, CLOCK, blocked);

        assertThatThrownBy(() -> stuck.importFile(file, new ImportOptions(false, false), "tester"))
                .isInstanceOf(com.unsubscribesync.store.StoreException.class)
                .hasMessageContaining("could not sort its rows in " + blocked)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("run the same import again");
        assertThat(store.unsubscribes.count()).isZero();
    }
}
