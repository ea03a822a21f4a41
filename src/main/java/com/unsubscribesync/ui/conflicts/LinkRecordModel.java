package com.unsubscribesync.ui.conflicts;

import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.usecase.ResolveConflict;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Picking the Lead or Contact to link a person to: Salesforce searched by email and name, each match with its name,
 * object, email and id, a warning when the chosen record has another address than the person, the record opened in
 * Salesforce, or an ID typed by hand and checked there.
 */
public final class LinkRecordModel {
    private final ResolveConflict conflicts;
    private final Background background;
    private final DialogService dialogs;
    private final BiConsumer<ConflictRow, String> link;
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final StringProperty person = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty typedId = new SimpleStringProperty("");
    private final ObservableList<PersonMatch> matches = FXCollections.observableArrayList();
    private final ObjectProperty<PersonMatch> chosen = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private ConflictRow row;

    /** @param link carries out the link of the conflict to the record id, once the admin confirmed it */
    LinkRecordModel(
            ResolveConflict conflicts,
            Background background,
            DialogService dialogs,
            BiConsumer<ConflictRow, String> link) {
        this.conflicts = conflicts;
        this.background = background;
        this.dialogs = dialogs;
        this.link = link;
        chosen.addListener((o, was, now) ->
                warning.set(now == null ? "" : differentAddress(now).orElse("")));
    }

    /** Opens the panel for one conflict and searches by the person's address. */
    void start(ConflictRow conflict) {
        row = conflict;
        person.set(conflict.email());
        search.set(conflict.email());
        typedId.set("");
        matches.clear();
        chosen.set(null);
        error.set("");
        status.set("");
        open.set(true);
        search();
    }

    public void search() {
        String text = search.get() == null ? "" : search.get();
        error.set("");
        status.set("Searching Salesforce…");
        background.submit(
                p -> conflicts.findRecords(text),
                found -> {
                    matches.setAll(found);
                    chosen.set(null);
                    status.set(
                            found.isEmpty()
                                    ? "No Contact or Lead has an email or name containing \"" + text.strip() + "\"."
                                    : Formats.plural(found.size(), "match", "matches") + " for \"" + text.strip()
                                            + "\".");
                },
                this::failed);
    }

    /** Checks an ID typed by hand in Salesforce and makes that record the chosen one. */
    public void checkTypedId() {
        String typed = typedId.get() == null ? "" : typedId.get();
        error.set("");
        background.submit(
                p -> conflicts.checkRecord(typed),
                found -> {
                    if (!matches.contains(found)) {
                        matches.add(0, found);
                    }
                    chosen.set(found);
                    status.set("Found " + describe(found) + ".");
                },
                this::failed);
    }

    public void openChosen() {
        PersonMatch record = chosen.get();
        if (record != null) {
            background.submit(p -> conflicts.recordUrl(record.id()), dialogs::openInBrowser, this::failed);
        }
    }

    public void confirm() {
        PersonMatch record = chosen.get();
        if (record == null || row == null) {
            error.set("Pick a record from the matches, or type its ID and check it, first.");
            return;
        }
        open.set(false);
        link.accept(row, record.id().value());
    }

    public void cancel() {
        open.set(false);
    }

    private Optional<String> differentAddress(PersonMatch record) {
        String mine = person.get() == null ? "" : person.get().toLowerCase(Locale.ROOT);
        String theirs =
                record.email().map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (theirs.equals(mine)) {
            return Optional.empty();
        }
        return Optional.of("Careful: " + describe(record) + " has "
                + (theirs.isEmpty() ? "no email address" : "the address " + theirs) + ", not " + mine
                + ". Link it only if it is the same person.");
    }

    static String describe(PersonMatch record) {
        return record.id().objectType().apiName() + " " + (record.name().isBlank() ? "" : record.name() + " ") + "("
                + record.id() + ")";
    }

    private void failed(Throwable e) {
        status.set("");
        error.set(
                e instanceof IllegalArgumentException || e instanceof IllegalStateException
                        ? sentence(e.getMessage())
                        : "Salesforce could not be searched (" + e.getClass().getSimpleName()
                                + "); details are in the log " + "file.");
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Salesforce did not answer; try again.";
        }
        return Failures.asSentence(message);
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty personProperty() {
        return person;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty typedIdProperty() {
        return typedId;
    }

    public ObservableList<PersonMatch> matches() {
        return matches;
    }

    public ObjectProperty<PersonMatch> chosenProperty() {
        return chosen;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty warningProperty() {
        return warning;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
