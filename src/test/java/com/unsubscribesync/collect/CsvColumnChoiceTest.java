package com.unsubscribesync.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.store.PeopleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files exported by spreadsheets in other shapes: found, previewed and imported with the columns chosen. */
class CsvColumnChoiceTest {
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
        store.close();
    }

    @Test
    void aSemicolonFileWithAnEmailAddressHeaderIsRefusedAsBeforeWithoutAColumnChoice() throws IOException {
        Path file = write("Name;Email Address;Date\nAnn;ann@example.com;2024-05-01\n");

        assertThatThrownBy(() -> store.importer.importFile(file, new ImportOptions(true, false), "tester"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no 'email' column");
    }

    @Test
    void aSemicolonFileWithAnEmailAddressHeaderIsFoundAndImportsWithTheSuggestedColumns() throws IOException {
        Path file = write("Name;Email Address;Unsubscribe Date;Comment\n"
                + "Ann;Ann@Example.com;2024-05-01;\"said stop; twice\"\nBo;bo@example.com;2024-05-02;\n");

        CsvPreview preview = CsvPreview.read(file, Optional.empty(), UnsubscribeImporter.FIELDS, 5);

        assertThat(preview.layout().delimiter()).isEqualTo(';');
        assertThat(preview.layout().hasHeader()).isTrue();
        assertThat(preview.columns()).containsExactly("Name", "Email Address", "Unsubscribe Date", "Comment");
        assertThat(preview.rows())
                .hasSize(2)
                .first()
                .isEqualTo(List.of("Ann", "Ann@Example.com", "2024-05-01", "said stop; twice"));
        assertThat(preview.layout().columns())
                .containsEntry("email", "Email Address")
                .containsEntry("unsubscribed_at", "Unsubscribe Date")
                .containsEntry("reason", "Comment")
                .doesNotContainKey("source");

        ImportReport report = store.importer.importFile(
                file, preview.layout(), new ImportOptions(false, false), "tester", ImportProgress.NONE);

        assertThat(report.added()).isEqualTo(2);
        assertThat(store.unsubscribes.find(new Email("ann@example.com"))).hasValueSatisfying(ann -> {
            assertThat(ann.reason()).contains("said stop; twice");
            assertThat(ann.at()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        });
    }

    @Test
    void emailHeadersAreRecognisedInAnyOfTheirUsualSpellings() {
        ImportField email = UnsubscribeImporter.FIELDS.get(0);
        for (String header : List.of("Email", "EMAIL", "Email Address", "e-mail", "E-Mail Address", "email_address")) {
            assertThat(email.likelyColumn(List.of("Name", header))).as(header).contains(header);
        }
        assertThat(email.likelyColumn(List.of("Name", "Phone"))).isEmpty();
    }

    @Test
    void aTabFileWithATitleLineAboveItsHeaderIsReadFromTheHeader() throws IOException {
        Path file = write("Unsubscribes exported 2024-06-01\nE-mail\tReason\nann@example.com\tmoved\n");

        CsvPreview preview = CsvPreview.read(file, Optional.empty(), UnsubscribeImporter.FIELDS, 5);

        assertThat(preview.layout().delimiter()).isEqualTo('\t');
        assertThat(preview.layout().skippedRows()).isEqualTo(1);
        assertThat(preview.layout().columns()).containsEntry("email", "E-mail");
        ImportReport report = store.importer.importFile(
                file, preview.layout(), new ImportOptions(false, false), "tester", ImportProgress.NONE);
        assertThat(report.added()).isEqualTo(1);
        assertThat(store.unsubscribes
                        .find(new Email("ann@example.com"))
                        .orElseThrow()
                        .reason())
                .contains("moved");
    }

    @Test
    void aFileWithoutAHeaderIsReadFromItsFirstLineWithTheAddressColumnFound() throws IOException {
        Path file = write("Ann,ann@example.com\nBo,bo@example.com\n");

        CsvPreview preview = CsvPreview.read(file, Optional.empty(), UnsubscribeImporter.FIELDS, 5);

        assertThat(preview.layout().hasHeader()).isFalse();
        assertThat(preview.columns()).containsExactly("Column 1", "Column 2");
        assertThat(preview.layout().columns()).containsEntry("email", "Column 2");
        assertThat(store.importer
                        .importFile(
                                file, preview.layout(), new ImportOptions(false, false), "tester", ImportProgress.NONE)
                        .added())
                .isEqualTo(2);
    }

    @Test
    void theChosenColumnWinsOverAnotherColumnNamedLikeTheField() throws IOException {
        Path file = write("email,work email\nnot-an-address,ann@example.com\n");

        ImportReport report = store.importer.importFile(
                file,
                new CsvLayout(',', 0, true, Map.of("email", "Work Email")),
                new ImportOptions(false, false),
                "tester",
                ImportProgress.NONE);

        assertThat(report.added()).isEqualTo(1);
        assertThat(store.unsubscribes.isUnsubscribed(new Email("ann@example.com")))
                .isTrue();
    }

    @Test
    void aRepeatedColumnNameCanBeChosenByTheNameTheColumnStepShows() throws IOException {
        Path file = write("Email,Email\nold@example.com,new@example.com\n");

        CsvPreview preview = CsvPreview.read(file, Optional.empty(), UnsubscribeImporter.FIELDS, 5);
        assertThat(preview.columns()).containsExactly("Email", "Email (2)");
        store.importer.importFile(
                file,
                preview.layout().withColumns(Map.of("email", "Email (2)")),
                new ImportOptions(false, false),
                "tester",
                ImportProgress.NONE);

        assertThat(store.unsubscribes.isUnsubscribed(new Email("new@example.com")))
                .isTrue();
        assertThat(store.unsubscribes.isUnsubscribed(new Email("old@example.com")))
                .isFalse();
    }

    @Test
    void badRowsKeepTheirLineTheirValueAndTheReasonAndAreSavedAsCsvSafeForSpreadsheets() throws IOException {
        Path file = write("Email Address;Date\nann@example.com;2024-05-01\n=HYPERLINK(\"x\");2024-05-01\n"
                + "bo@example.com;tomorrow\n");
        CsvLayout layout = CsvPreview.read(file, Optional.empty(), UnsubscribeImporter.FIELDS, 5)
                .layout();
        List<String> steps = new ArrayList<>();

        ImportReport report = store.importer.importFile(
                file,
                layout,
                new ImportOptions(true, false),
                "tester",
                (step, rows, fraction) -> steps.add(step + " " + rows + " " + fraction));

        assertThat(report.badRows())
                .extracting(BadRow::line, BadRow::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "=HYPERLINK(\"x\")"),
                        org.assertj.core.groups.Tuple.tuple(4L, "bo@example.com"));
        assertThat(report.badRows().get(1).reason()).contains("'tomorrow' is not a date");
        assertThat(steps).last().isEqualTo("Checking 3 1.0");
        assertThat(store.unsubscribes.count()).isZero();

        Path saved = folder.resolve("bad-rows.csv");
        BadRowsFile.write(saved, report.badRows());
        List<String> lines = Files.readAllLines(saved);
        assertThat(lines.get(0)).isEqualTo("line,value,reason");
        assertThat(lines.get(1)).startsWith("3,\"'=HYPERLINK(\"\"x\"\")\",\"");
        assertThat(lines.get(2)).startsWith("4,\"bo@example.com\",\"unsubscribed_at 'tomorrow' is not a date");
        try (var listed = Files.list(folder)) {
            assertThat(listed.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void peopleImportTakesTheChosenEmailAndSalesforceIdColumns() throws IOException {
        PeopleRepository people = new PeopleRepository(store.database, CLOCK);
        String id = TestIds.of(SObjectType.CONTACT, 42).value();
        Path file = write("E-mail;Salesforce Id;First Name\nann@example.com;" + id + ";Ann\n");

        CsvPreview preview = CsvPreview.read(file, Optional.empty(), PeopleImporter.FIELDS, 5);
        assertThat(preview.layout().columns())
                .containsEntry("email", "E-mail")
                .containsEntry("salesforce_id", "Salesforce Id")
                .containsEntry("first_name", "First Name");
        ImportReport report = new PeopleImporter(people)
                .importFile(file, preview.layout(), new ImportOptions(false, false), ImportProgress.NONE);

        assertThat(report.added()).isEqualTo(1);
        assertThat(people.find(new Email("ann@example.com"))).hasValueSatisfying(person -> {
            assertThat(person.salesforceId().map(Object::toString)).contains(id);
            assertThat(person.firstName()).contains("Ann");
        });
    }

    private Path write(String text) throws IOException {
        return store.write(text);
    }
}
