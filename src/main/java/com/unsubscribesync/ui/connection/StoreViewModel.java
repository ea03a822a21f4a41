package com.unsubscribesync.ui.connection;

import com.unsubscribesync.store.StoreChoice;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.usecase.ChooseStore;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Store part of the Connection screen: where this console keeps its data, and changing that (ADR 0066). */
public final class StoreViewModel {
    static final String RESTART =
            "Close the console and open it again to switch: the store is chosen when the " + "console starts.";

    private final ChooseStore stores;
    private final Background background;
    private final DialogService dialogs;
    private final StringProperty inUse = new SimpleStringProperty("");
    private final StringProperty chosenBy = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final SimpleBooleanProperty saved = new SimpleBooleanProperty(false);

    public StoreViewModel(ChooseStore stores, Background background, DialogService dialogs) {
        this.stores = stores;
        this.background = background;
        this.dialogs = dialogs;
        StoreChoice choice = stores.inUse();
        inUse.set(choice.thisComputer() ? "This computer: " + choice.shown() : "PostgreSQL: " + choice.shown());
        chosenBy.set("Chosen by " + choice.source().said() + ".");
    }

    /** Reads the saved choice again: what the next start will use. */
    public void refresh() {
        background.submit(
                p -> new Next(nextStart(), saved()), this::show, e -> show(new Next(Failures.sentence(e), true)));
    }

    /** What the next start uses, and whether a choice is saved (a damaged one counts: it can be forgotten). */
    private record Next(String said, boolean saved) {}

    private String nextStart() {
        Optional<String> overridden = stores.overridden();
        if (overridden.isPresent()) {
            return overridden.get();
        }
        Optional<String> choice = stores.saved();
        String now = stores.inUse().thisComputer() ? "" : stores.inUse().shown();
        if (choice.isPresent() && !choice.get().equals(now)) {
            return "Saved for the next start: " + choice.get() + ". " + RESTART;
        }
        if (choice.isEmpty() && !stores.inUse().thisComputer()) {
            return "The next start uses this computer's file again. " + RESTART;
        }
        return "";
    }

    private void show(Next now) {
        next.set(now.said());
        saved.set(now.saved());
    }

    private boolean saved() {
        try {
            return stores.saved().isPresent();
        } catch (RuntimeException damaged) {
            return true;
        }
    }

    /** Opens the dialog to try a PostgreSQL and save it. */
    public void change() {
        dialogs.showWizard(new StoreDialog(new StoreDialogModel(stores, background, this::refresh)));
    }

    public void backToThisComputer() {
        if (!dialogs.confirm(
                "Back to this computer's file",
                "Forget the saved store? From the next start on, this console keeps its data in this "
                        + "computer's file again. Nothing is deleted in the other store.",
                "Forget it")) {
            return;
        }
        background.submit(p -> stores.backToThisComputer(), done -> refresh(), Failures.shownIn(dialogs, "Store"));
    }

    /** The store in use now, as the admin may see it (never a password). */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse;
    }

    public ReadOnlyStringProperty chosenByProperty() {
        return chosenBy;
    }

    /** What the next start changes, or why a saved choice has no effect; empty when nothing. */
    public ReadOnlyStringProperty nextProperty() {
        return next;
    }

    /** Whether a choice is saved in the data directory. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved;
    }
}
