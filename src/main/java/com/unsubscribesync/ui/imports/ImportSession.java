package com.unsubscribesync.ui.imports;

import com.unsubscribesync.collect.BadRowsFile;
import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.CsvPreview;
import com.unsubscribesync.collect.ImportField;
import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.store.StoreException;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.DialogService.ImportDecision;
import com.unsubscribesync.ui.Formats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One CSV import in the console: read the head of the file, let the admin choose the columns, check every row (a
 * dry run), show the bad rows, then write. Reading and writing run in the background; the properties change on the
 * FX thread only.
 */
public final class ImportSession {
    /** Where the session is. */
    public enum Step {
        READING,
        COLUMNS,
        CHECKING,
        REVIEW,
        WRITING,
        DONE
    }

    /** The choice "this field is not in the file". */
    public static final String NOT_IMPORTED = "— not imported —";

    private static final int PREVIEW_ROWS = 8;

    private final ImportKind kind;
    private final Path file;
    private final FileImport importer;
    private final Background background;
    private final Consumer<ImportReport> written;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.READING);
    private final ObjectProperty<CsvPreview> preview = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> chosen = new LinkedHashMap<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanBinding canCheck;

    /** @param written called on the FX thread with the report once the rows are written */
    public ImportSession(
            ImportKind kind, Path file, FileImport importer, Background background, Consumer<ImportReport> written) {
        this.kind = kind;
        this.file = file;
        this.importer = importer;
        this.background = background;
        this.written = written;
        for (ImportField field : kind.fields()) {
            chosen.put(field.name(), new SimpleStringProperty(NOT_IMPORTED));
        }
        StringProperty required = chosen.get(requiredField().name());
        canCheck = Bindings.createBooleanBinding(
                () -> step.get() == Step.COLUMNS && !NOT_IMPORTED.equals(required.get()), step, required);
    }

    /** Reads the head of the file and finds its delimiter, header and likely columns. */
    public void start() {
        read(Optional.empty());
    }

    /** Reads the head again with the delimiter the admin chose. */
    public void useDelimiter(char delimiter) {
        if (preview.get() == null || preview.get().layout().delimiter() != delimiter) {
            read(Optional.of(delimiter));
        }
    }

    private void read(Optional<Character> delimiter) {
        step.set(Step.READING);
        problem.set("");
        background.submit(
                p -> CsvPreview.read(file, delimiter, kind.fields(), PREVIEW_ROWS),
                head -> {
                    preview.set(head);
                    for (ImportField field : kind.fields()) {
                        chosen.get(field.name())
                                .set(Optional.ofNullable(head.layout().columns().get(field.name()))
                                        .orElse(NOT_IMPORTED));
                    }
                    step.set(Step.COLUMNS);
                },
                e -> {
                    problem.set(sentence(e));
                    step.set(preview.get() == null ? Step.READING : Step.COLUMNS);
                });
    }

    /** The layout the admin chose: the file's delimiter and header with the chosen columns. */
    public CsvLayout layout() {
        Map<String, String> columns = new LinkedHashMap<>();
        chosen.forEach((field, column) -> {
            if (!NOT_IMPORTED.equals(column.get())) {
                columns.put(field, column.get());
            }
        });
        return preview.get().layout().withColumns(columns);
    }

    /** Checks every row with the chosen columns; writes nothing. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        CsvLayout layout = layout();
        step.set(Step.CHECKING);
        problem.set("");
        run(
                new ImportOptions(true, false),
                layout,
                checked -> {
                    report.set(checked);
                    step.set(Step.REVIEW);
                },
                Step.COLUMNS);
    }

    /** Back to the column choice from the report. */
    public void back() {
        if (step.get() == Step.REVIEW) {
            report.set(null);
            step.set(Step.COLUMNS);
        }
    }

    /** Writes the good rows the check found; the importer checks them again and writes all of them or none. */
    public void write() {
        ImportReport checked = report.get();
        if (step.get() != Step.REVIEW || checked == null || checked.valid() == 0) {
            return;
        }
        step.set(Step.WRITING);
        problem.set("");
        run(
                new ImportOptions(false, checked.problemCount() > 0),
                layout(),
                done -> {
                    report.set(done);
                    // Told while the window is still open, so no other window opens in the moment it closes.
                    written.accept(done);
                    step.set(Step.DONE);
                },
                Step.REVIEW);
    }

    private void run(ImportOptions options, CsvLayout layout, Consumer<ImportReport> done, Step onFailure) {
        progress.set(-1);
        progressText.set(options.dryRun() ? "Checking the rows…" : "Writing…");
        Background.Running running =
                background.submit(p -> importer.run(file, layout, options, progressOf(p)), done, e -> {
                    problem.set(sentence(e));
                    step.set(onFailure);
                });
        running.onProgress(report -> {
            progress.set(report.fraction());
            progressText.set(report.message());
        });
    }

    private static ImportProgress progressOf(Background.Progress progress) {
        return (step, rows, fraction) ->
                progress.update(step + ": " + Formats.plural(rows, "row", "rows") + " so far", fraction);
    }

    /** Saves the bad rows of the check next to where the admin chose. */
    public void saveBadRows(Path target, Consumer<String> saved) {
        ImportReport checked = report.get();
        if (checked == null) {
            return;
        }
        background.submit(
                p -> {
                    BadRowsFile.write(target, checked.badRows());
                    return target;
                },
                path -> saved.accept("Saved " + Formats.plural(checked.badRows().size(), "bad row", "bad rows") + " to "
                        + path.getFileName() + "."),
                e -> problem.set("The bad rows were not saved to " + target.getFileName()
                        + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "): choose a folder you can write to."));
    }

    /** The check in a sentence. */
    public String summary() {
        ImportReport checked = report.get();
        if (checked == null) {
            return "";
        }
        if (checked.rows() == 0) {
            return "The file has a header but no rows; there is nothing to import.";
        }
        return Formats.plural(checked.rows(), "row", "rows") + " read: " + Formats.count(checked.valid()) + " good, "
                + Formats.count(checked.problemCount()) + " with a problem. Nothing has been written yet."
                + (checked.problemCount() > checked.badRows().size()
                        ? " The first " + Formats.count(checked.badRows().size()) + " bad rows are listed."
                        : "");
    }

    /** The label of the write button: "Import 3 rows", or "Import the 1 good row" when some rows are bad. */
    public String writeLabel() {
        ImportReport checked = report.get();
        if (checked == null) {
            return "Import";
        }
        return checked.problemCount() > 0
                ? "Import the " + Formats.plural(checked.valid(), "good row", "good rows")
                : "Import " + Formats.plural(checked.valid(), "row", "rows");
    }

    /**
     * The same import without a window: the likely columns, the check, then the dialog service's review decides
     * whether to write. For dialog services that answer from a script.
     */
    public void withoutWindow(DialogService dialogs) {
        problem.addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                dialogs.error(kind.shortTitle(), now);
            }
        });
        step.addListener((o, was, now) -> {
            if (now == Step.COLUMNS && was == Step.READING) {
                check();
            } else if (now == Step.REVIEW) {
                ImportDecision decision =
                        dialogs.reviewImport(file.getFileName().toString(), report.get());
                if (decision != ImportDecision.CANCEL) {
                    write();
                }
            }
        });
        start();
    }

    private static String sentence(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof StoreException) {
            return e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + "). Details are in the log file.";
    }

    public ImportField requiredField() {
        return kind.fields().stream().filter(ImportField::required).findFirst().orElseThrow();
    }

    public ImportKind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<CsvPreview> previewProperty() {
        return preview;
    }

    /** The column chosen for a field, or {@link #NOT_IMPORTED}. */
    public StringProperty columnProperty(String field) {
        return chosen.get(field);
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public ObjectProperty<ImportReport> reportProperty() {
        return report;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }
}
