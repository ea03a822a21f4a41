package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.sync.Resubscriber;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.ConsoleServices;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.imports.ImportKind;
import com.unsubscribesync.ui.imports.ImportSession;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Unsubscribes tab: the list (paged from the store), search, add, import, resubscribe and the history card. */
public final class UnsubscribesViewModel {
    private final ConsoleServices services;
    private final Background background;
    private final DialogService dialogs;

    private final StringProperty search = new SimpleStringProperty("");
    private final PagedUnsubscribes rows;
    private final StringProperty total = new SimpleStringProperty("");
    private final ObjectProperty<UnsubscribeRow> selected = new SimpleObjectProperty<>();
    private final StringProperty historyTitle = new SimpleStringProperty("History");
    private final StringProperty historyPerson = new SimpleStringProperty("Select an unsubscribe to see its history.");
    private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
    private long generation;

    public UnsubscribesViewModel(ConsoleServices services, Background background, DialogService dialogs) {
        this.services = services;
        this.background = background;
        this.dialogs = dialogs;
        rows = new PagedUnsubscribes(services.unsubscribes(), background, services.zone());
        search.addListener((o, was, now) -> reload());
        selected.addListener((o, was, now) -> showHistory(now));
    }

    /** Reads the size of the list for the current search, then lets the table page through it. */
    public void reload() {
        long mine = ++generation;
        String prefix = search.get() == null ? "" : search.get().strip();
        background.submit(p -> services.unsubscribes().count(prefix), count -> {
            if (mine != generation) {
                return;
            }
            rows.show(prefix, count);
            total.set(prefix.isEmpty() ? Formats.plural(count, "unsubscribe", "unsubscribes")
                    : Formats.count(count) + " matching \"" + prefix + "\"");
        }, this::failed);
    }

    private void showHistory(UnsubscribeRow row) {
        history.clear();
        if (row == null || !row.loaded()) {
            historyTitle.set("History");
            historyPerson.set("Select an unsubscribe to see its history.");
            return;
        }
        Email email = new Email(row.email());
        historyTitle.set("History of " + email);
        background.submit(p -> new Card(services.people().find(email), services.unsubscribes().history(email)),
                card -> {
                    if (selected.get() != row) {
                        return;
                    }
                    historyPerson.set(card.person().map(this::describe).orElse("No person record for this address."));
                    history.setAll(card.entries().stream().map(entry -> new HistoryLine(
                            Formats.dateTime(entry.at(), services.zone()), entry.action().label(),
                            entry.source().label(), entry.actor(), entry.reason().orElse(""))).toList());
                }, this::failed);
    }

    private record Card(Optional<Person> person, List<com.unsubscribesync.domain.HistoryEntry> entries) {
    }

    private String describe(Person person) {
        return person.displayName() + person.salesforceId().map(id -> " · " + id.objectType().apiName() + " " + id)
                .orElse(" · no Salesforce ID");
    }

    public void add() {
        dialogs.askNewUnsubscribe(UnsubscribesViewModel::problemWith).ifPresent(answer -> {
            Unsubscribe unsubscribe;
            try {
                unsubscribe = new Unsubscribe(Email.parse(answer.email()), services.clock().instant(),
                        UnsubscribeSource.MANUAL, services.actor(), FreeText.reason("the reason", answer.reason()));
            } catch (InvalidInputException e) {
                dialogs.error("Add an unsubscribe", "The address was not added: " + e.getMessage() + ".");
                return;
            }
            Email email = unsubscribe.email();
            background.submit(p -> services.unsubscribes().add(unsubscribe), added -> {
                if (added) {
                    services.wakePusher();
                } else {
                    dialogs.info("Add an unsubscribe", email + " was already unsubscribed; nothing changed.");
                }
                search.set("");
                reload();
            }, this::failed);
        });
    }

    /** The same checks as the command line's and an import's, for the Add dialog to show before it closes. */
    public static Optional<String> problemWith(DialogService.NewUnsubscribe typed) {
        try {
            Email.parse(typed.email());
            FreeText.reason("the reason", typed.reason());
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of("Not added: " + e.getMessage() + ".");
        }
    }

    public void importCsv() {
        dialogs.chooseCsvFile().ifPresent(file -> dialogs.runImport(new ImportSession(ImportKind.UNSUBSCRIBES, file,
                (path, layout, options, progress) -> services.unsubscribeImporter().importFile(path, layout, options,
                        services.actor(), progress), background, this::imported)));
    }

    private void imported(ImportReport report) {
        services.wakePusher();
        dialogs.info("Import CSV", report.written() ? Formats.plural(report.added(), "unsubscribe was",
                "unsubscribes were") + " added; " + Formats.count(report.unchanged()) + " already known"
                + (report.problemCount() > 0 ? "; " + Formats.plural(report.problemCount(), "bad row was",
                        "bad rows were") + " skipped." : ".") : "Nothing was imported.");
        reload();
    }

    public void resubscribe() {
        UnsubscribeRow row = selected.get();
        if (row == null || !row.loaded()) {
            dialogs.info("Resubscribe", "Select the unsubscribe to remove first.");
            return;
        }
        String email = row.email();
        dialogs.askResubscribe(email, services.connection().connected()).ifPresent(answer -> {
            Optional<String> reason;
            try {
                reason = FreeText.reason("the reason", answer.reason());
            } catch (InvalidInputException e) {
                dialogs.error("Resubscribe", "Nothing was changed: " + e.getMessage() + ".");
                return;
            }
            if (reason.isEmpty()) {
                dialogs.error("Resubscribe", "A resubscribe needs a reason: say why " + email
                        + " may be emailed again.");
                return;
            }
            background.submit(p -> services.resubscriber().resubscribe(new Email(email), reason.get(),
                    services.actor(), answer.alsoSalesforce()), result -> resubscribed(email, answer.alsoSalesforce(),
                            result), this::failed);
        });
    }

    private void resubscribed(String email, boolean alsoSalesforce, Resubscriber.Result result) {
        StringBuilder text = new StringBuilder(result.wasUnsubscribed() ? email + " is resubscribed here."
                : email + " was not unsubscribed here.");
        if (alsoSalesforce) {
            if (result.uncheckedInSalesforce().isEmpty()) {
                text.append(" No checked Lead or Contact was found in Salesforce.");
            }
            result.uncheckedInSalesforce().forEach(change -> text.append("\n").append(change.id().objectType()
                    .apiName()).append(" ").append(change.id()).append(": ").append(change.detail()));
        } else {
            text.append(" Remember to uncheck the opt-out in Salesforce too, or the next nightly run marks the person "
                    + "unsubscribed again.");
        }
        dialogs.info("Resubscribe", text.toString());
        reload();
    }

    private void failed(Throwable e) {
        String message = e instanceof IllegalArgumentException || e instanceof IllegalStateException ? e.getMessage()
                : "Something went wrong (" + e.getClass().getSimpleName() + "). Details are in the log file.";
        dialogs.error("Unsubscribes", message);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public PagedUnsubscribes rows() {
        return rows;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    public ObjectProperty<UnsubscribeRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty historyTitleProperty() {
        return historyTitle;
    }

    public ReadOnlyStringProperty historyPersonProperty() {
        return historyPerson;
    }

    public ObservableList<HistoryLine> history() {
        return history;
    }
}
