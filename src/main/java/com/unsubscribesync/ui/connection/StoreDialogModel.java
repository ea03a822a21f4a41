package com.unsubscribesync.ui.connection;

import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.usecase.ChooseStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The "Change the store" dialog: a PostgreSQL URL and password, tried and then saved for the next start. */
public final class StoreDialogModel {
    private final ChooseStore stores;
    private final Background background;
    private final Runnable saved;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty problem = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);

    /** @param saved called once the choice is saved, so the screen says what the next start uses */
    public StoreDialogModel(ChooseStore stores, Background background, Runnable saved) {
        this.stores = stores;
        this.background = background;
        this.saved = saved;
    }

    /** Opens the database the URL names off the FX thread and says in one line what was reached, or why not. */
    public void test() {
        run("Trying the store…", () -> stores.test(url.get(), password.get()), false);
    }

    /** Tries the store, then saves it as the choice for the next start. */
    public void use() {
        run("Trying the store before saving it…", () -> stores.use(url.get(), password.get()), true);
    }

    private void run(String waiting, java.util.concurrent.Callable<String> work, boolean saving) {
        busy.set(true);
        problem.set(false);
        outcome.set(waiting);
        background.submit(
                p -> work.call(),
                reached -> {
                    busy.set(false);
                    if (saving) {
                        outcome.set(reached + " Saved: " + StoreViewModel.RESTART);
                        done.set(true);
                        saved.run();
                    } else {
                        outcome.set(reached);
                    }
                },
                e -> {
                    busy.set(false);
                    problem.set(true);
                    outcome.set(oneLine(Failures.sentence(e)));
                });
    }

    private static String oneLine(String said) {
        String line = said.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? said : line;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The last test's outcome in one line: what was reached, or the driver's reason; never a stack trace. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    /** Whether the outcome is a failure. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Whether the choice was saved: the dialog then only closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }
}
