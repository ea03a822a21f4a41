package com.unsubscribesync.ui;

import com.unsubscribesync.collect.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every dialog the console shows goes through here, so tests can answer them. */
public interface DialogService {

    void error(String title, String message);

    void info(String title, String message);

    boolean confirm(String title, String message, String confirmLabel);

    /** A secret shown this once (a new API key), selectable, with a Copy button beside it and the message above. */
    void showSecret(String title, String message, String secret);

    Optional<Path> chooseCsvFile();

    Optional<String> askText(String title, String prompt, String fieldLabel);

    /**
     * @param problem what is wrong with what was typed, if anything: the dialog then shows it and stays open with the
     *                text as typed
     */
    Optional<NewUnsubscribe> askNewUnsubscribe(Function<NewUnsubscribe, Optional<String>> problem);

    /** The file chooser with its own title, e.g. "Import people from a CSV file". */
    default Optional<Path> chooseCsvFile(String title) {
        return chooseCsvFile();
    }

    /**
     * A wizard of a screen's own over the console, e.g. one CSV import: columns, check, bad rows, write. Without
     * windows (a scripted service) the wizard takes its course without one.
     */
    default void showWizard(WizardWindow wizard) {
        wizard.withoutWindow(this);
    }

    /**
     * A list with one more thing to do than close it, e.g. the people without an ID and "Import people…".
     *
     * @return whether the admin chose the action
     */
    default boolean showListWithAction(String title, String header, List<String> lines, String actionLabel) {
        showList(title, header, lines);
        return false;
    }

    /** Shows the dry-run report of a CSV file; the answer says whether to write it. */
    ImportDecision reviewImport(String fileName, ImportReport dryRun);

    /** Asks why the person may be emailed again; unchecking Salesforce is a separate, confirmed step. */
    Optional<ResubscribeAnswer> askResubscribe(String email);

    /** Where to save a file the console writes (an export), with a suggested name. */
    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /** The manual steps to put the opt-out field on the layouts, for when the layouts cannot be read. */
    void showLayoutSteps(String fieldLabel);

    void showList(String title, String header, List<String> lines);

    /** A passing note in the corner: a finished or failed run. */
    void notify(String title, String text, boolean problem);

    record NewUnsubscribe(String email, String reason) {}

    record ResubscribeAnswer(String reason) {}

    enum ImportDecision {
        CANCEL,
        IMPORT_ALL,
        IMPORT_VALID_ROWS
    }

    /** Opens a web page (a record in Salesforce) in the system browser. */
    default void openInBrowser(String url) {
        info("Open in Salesforce", url);
    }
}
