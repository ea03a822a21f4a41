package com.unsubscribesync.ui;

import com.unsubscribesync.collect.ImportReport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Dialogs answered by the test: each question takes the next prepared answer; everything shown is recorded. */
public final class ScriptedDialogs implements DialogService {
    public final List<String> shown = new CopyOnWriteArrayList<>();
    public final Deque<Object> answers = new ArrayDeque<>();
    public ImportReport lastImportReport;

    public ScriptedDialogs answer(Object answer) {
        answers.add(answer);
        return this;
    }

    @SuppressWarnings("unchecked")
    private <T> T next() {
        return (T) answers.poll();
    }

    public boolean saw(String fragment) {
        return shown.stream().anyMatch(s -> s.contains(fragment));
    }

    @Override
    public void error(String title, String message) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void info(String title, String message) {
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        shown.add("confirm: " + title + ": " + message);
        Boolean answer = next();
        return answer != null && answer;
    }

    /** Each secret shown once, in order. */
    public final List<String> secrets = new CopyOnWriteArrayList<>();

    @Override
    public void showSecret(String title, String message, String secret) {
        shown.add("secret: " + title + ": " + message);
        secrets.add(secret);
    }

    @Override
    public Optional<Path> chooseCsvFile() {
        return Optional.ofNullable(next());
    }

    @Override
    public Optional<String> askText(String title, String prompt, String fieldLabel) {
        shown.add("ask: " + title + ": " + prompt);
        return Optional.ofNullable(next());
    }

    @Override
    public Optional<NewUnsubscribe> askNewUnsubscribe(Function<NewUnsubscribe, Optional<String>> problem) {
        shown.add("ask: new unsubscribe");
        // Like the real dialog: a refused answer keeps it open, and the next scripted answer is the correction.
        while (true) {
            NewUnsubscribe typed = next();
            if (typed == null) {
                return Optional.empty();
            }
            Optional<String> refused = problem.apply(typed);
            if (refused.isEmpty()) {
                return Optional.of(typed);
            }
            shown.add("refused in dialog: " + refused.get());
        }
    }

    @Override
    public ImportDecision reviewImport(String fileName, ImportReport dryRun) {
        lastImportReport = dryRun;
        shown.add("review: " + fileName + ": " + dryRun.rows() + " rows, " + dryRun.problemCount() + " bad");
        ImportDecision decision = next();
        return decision == null ? ImportDecision.CANCEL : decision;
    }

    @Override
    public Optional<ResubscribeAnswer> askResubscribe(String email) {
        shown.add("resubscribe: " + email);
        return Optional.ofNullable(next());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        shown.add("save: " + title + ": " + suggestedName);
        return Optional.ofNullable(next());
    }

    @Override
    public void showLayoutSteps(String fieldLabel) {
        shown.add("layout steps: " + fieldLabel);
    }

    /** The last layout wizard the console opened, for a test to show for real or drive through its model. */
    public volatile com.unsubscribesync.ui.layouts.LayoutWizardModel layoutWizard;

    /** The last store dialog the console opened, for a test to type into and press its buttons through its model. */
    public volatile com.unsubscribesync.ui.connection.StoreDialogModel storeDialog;

    /** The import takes its course without a window; the layout wizard and the store dialog wait for the test. */
    @Override
    public void showWizard(WizardWindow wizard) {
        if (wizard instanceof com.unsubscribesync.ui.layouts.LayoutWizardWindow layouts) {
            shown.add("layout wizard");
            layoutWizard = layouts.model();
        } else if (wizard instanceof com.unsubscribesync.ui.connection.StoreDialog store) {
            shown.add("store dialog");
            storeDialog = store.model();
        } else {
            wizard.withoutWindow(this);
        }
    }

    @Override
    public void showList(String title, String header, List<String> lines) {
        shown.add("list: " + title + ": " + String.join(" | ", lines));
    }

    @Override
    public void notify(String title, String text, boolean problem) {
        shown.add("notify: " + title + ": " + text);
    }

    @Override
    public void openInBrowser(String url) {
        shown.add("open: " + url);
    }
}
