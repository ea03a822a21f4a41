package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.collect.CsvExport;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ListQuery;
import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.sync.Resubscriber;
import com.unsubscribesync.sync.Resubscriber.OptedOutRecord;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.LatestRead;
import com.unsubscribesync.ui.imports.ImportKind;
import com.unsubscribesync.ui.imports.ImportSession;
import com.unsubscribesync.ui.imports.ImportWindow;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.OrgState;
import com.unsubscribesync.usecase.RecordUnsubscribe;
import com.unsubscribesync.usecase.Resubscribe;
import com.unsubscribesync.usecase.UnsubscribeList;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Unsubscribes tab: the list (paged from the store), filter, search, add, import, export, resubscribe, the
 * Salesforce uncheck and the history card.
 *
 * <p>The card belongs to one address, not to a row: the rows are refilled in place when the list changes, so a row
 * that comes to hold another person is deselected, and every action acts on the card's address, enabled only while
 * the selected row still holds it.
 */
public final class UnsubscribesViewModel {
    private static final int EXPORT_PAGE = 1_000;

    private final UnsubscribeList list;
    private final RecordUnsubscribe record;
    private final Resubscribe resubscribe;
    private final ConnectOrg connection;
    private final ZoneId zone;
    private final Background background;
    private final LatestRead reads;
    private final DialogService dialogs;
    private final Consumer<Throwable> failed;

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ListQuery.Shown> shown = new SimpleObjectProperty<>(ListQuery.Shown.ALL);
    private final PagedUnsubscribes rows;
    private final StringProperty total = new SimpleStringProperty("");
    private final ObjectProperty<UnsubscribeRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<PersonCard> card = new SimpleObjectProperty<>();
    private final StringProperty historyTitle = new SimpleStringProperty("History");
    private final StringProperty historyPerson = new SimpleStringProperty("Select an unsubscribe to see its history.");
    private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
    private final BooleanProperty namesKnown = new SimpleBooleanProperty(false);
    private final BooleanBinding canResubscribe;
    private final BooleanBinding canUncheck;
    /** The address whose card is shown or being read. */
    private Email shownEmail;

    private final ChangeListener<String> refilled = (o, was, now) -> {
        UnsubscribeRow row = selected.get();
        if (row != null
                && row.loaded()
                && (shownEmail == null || !shownEmail.value().equals(now))) {
            selected.set(null);
        }
    };
    private final ChangeListener<Boolean> arrived = (o, was, now) -> {
        if (now && selected.get() != null) {
            showCard(selected.get());
        }
    };
    private long cardGeneration;

    /** The person whose card is shown: their address, whether unsubscribed now, their record and history. */
    public record PersonCard(Email email, boolean unsubscribed, Optional<Person> person, List<HistoryEntry> entries) {}

    /** @param zone the admin's own time zone, in which times are shown */
    public UnsubscribesViewModel(
            UnsubscribeList list,
            RecordUnsubscribe record,
            Resubscribe resubscribe,
            ConnectOrg connection,
            ZoneId zone,
            Background background,
            DialogService dialogs) {
        this.list = list;
        this.record = record;
        this.resubscribe = resubscribe;
        this.connection = connection;
        this.zone = zone;
        this.background = background;
        this.reads = new LatestRead(background);
        this.dialogs = dialogs;
        this.failed = Failures.shownIn(dialogs, "Unsubscribes");
        rows = new PagedUnsubscribes(list, background, zone);
        search.addListener((o, was, now) -> reload());
        shown.addListener((o, was, now) -> reload());
        selected.addListener((o, was, now) -> {
            if (was != null) {
                was.emailProperty().removeListener(refilled);
                was.loadedProperty().removeListener(arrived);
            }
            if (now != null) {
                now.emailProperty().addListener(refilled);
                now.loadedProperty().addListener(arrived);
            }
            showCard(now);
        });
        canResubscribe =
                Bindings.createBooleanBinding(() -> holdsTheCard() && card.get().unsubscribed(), selected, card);
        // The uncheck names the person in its confirmation, so it stays offered for the card's person after a
        // resubscribe took them out of the filtered list; never while another row is selected.
        canUncheck = Bindings.createBooleanBinding(
                () -> card.get() != null && !card.get().unsubscribed() && (selected.get() == null || holdsTheCard()),
                selected,
                card);
    }

    /** Whether the selected row shows the person whose card is shown (the only one any action may touch). */
    private boolean holdsTheCard() {
        UnsubscribeRow row = selected.get();
        PersonCard shownCard = card.get();
        return row != null
                && row.loaded()
                && shownCard != null
                && shownCard.email().value().equals(row.email());
    }

    private ListQuery query() {
        return new ListQuery(
                shown.get(), search.get() == null ? "" : search.get().strip());
    }

    /** Reads the size of the list for the current filter and search, then lets the table page through it. */
    public void reload() {
        ListQuery query = query();
        String typed = search.get() == null ? "" : search.get().strip();
        reads.read(
                p -> sizes(query),
                sizes -> {
                    long count = sizes.unsubscribed() + sizes.resubscribed();
                    rows.show(query, count);
                    namesKnown.set(sizes.named());
                    String what = sizes.resubscribed() == 0
                            ? Formats.plural(count, "unsubscribe", "unsubscribes")
                            : sizes.unsubscribed() == 0
                                    ? Formats.plural(count, "resubscribed person", "resubscribed people")
                                    : Formats.plural(count, "person", "people") + ": "
                                            + Formats.count(sizes.unsubscribed()) + " unsubscribed, "
                                            + Formats.count(sizes.resubscribed()) + " resubscribed";
                    total.set(typed.isEmpty() ? what : Formats.count(count) + " matching \"" + typed + "\"");
                },
                failed);
    }

    private Sizes sizes(ListQuery query) {
        boolean current = query.shown() != ListQuery.Shown.RESUBSCRIBED;
        boolean earlier = query.shown() != ListQuery.Shown.UNSUBSCRIBED;
        return new Sizes(
                current ? list.count(new ListQuery(ListQuery.Shown.UNSUBSCRIBED, query.search())) : 0,
                earlier ? list.count(new ListQuery(ListQuery.Shown.RESUBSCRIBED, query.search())) : 0,
                list.anyNamed());
    }

    private record Sizes(long unsubscribed, long resubscribed, boolean named) {}

    private void showCard(UnsubscribeRow row) {
        if (row == null || !row.loaded()) {
            if (shownEmail == null) {
                historyTitle.set("History");
                historyPerson.set("Select an unsubscribe to see its history.");
            }
            return;
        }
        if (shownEmail != null && shownEmail.value().equals(row.email())) {
            return;
        }
        showCard(new Email(row.email()));
    }

    /** Reads and shows the card of one address; the answer of an earlier read that comes late is dropped. */
    private void showCard(Email email) {
        long mine = ++cardGeneration;
        shownEmail = email;
        card.set(null);
        history.clear();
        historyTitle.set("History of " + email);
        historyPerson.set("");
        background.submit(
                p -> new PersonCard(email, list.isUnsubscribed(email), list.person(email), list.history(email)),
                read -> {
                    if (mine != cardGeneration) {
                        return;
                    }
                    card.set(read);
                    historyTitle.set("History of " + email);
                    String who = read.person().map(this::describe).orElse("");
                    historyPerson.set((read.unsubscribed() ? "Unsubscribed" : "Not unsubscribed now")
                            + (who.isEmpty() ? "" : "\n" + who));
                    history.setAll(read.entries().stream()
                            .map(entry -> new HistoryLine(
                                    Formats.dateTime(entry.at(), zone),
                                    entry.action().label(),
                                    entry.source().label(),
                                    entry.actor(),
                                    entry.reason().orElse("")))
                            .toList());
                },
                failed);
    }

    private String describe(Person person) {
        // The address is the card's title already; a name shows only when Salesforce gave one.
        String name = UnsubscribeRow.nameOf(person);
        String record = person.salesforceId()
                .map(id -> id.objectType().apiName() + " " + id)
                .orElse("");
        return name.isEmpty() ? record : record.isEmpty() ? name : name + "\n" + record;
    }

    public void add() {
        dialogs.askNewUnsubscribe(UnsubscribesViewModel::problemWith).ifPresent(answer -> {
            Email email;
            Optional<String> reason;
            try {
                email = Email.parse(answer.email());
                reason = FreeText.reason("the reason", answer.reason());
            } catch (InvalidInputException e) {
                dialogs.error("Add an unsubscribe", "The address was not added: " + e.getMessage() + ".");
                return;
            }
            background.submit(
                    p -> record.add(email, UnsubscribeSource.MANUAL, reason),
                    recorded -> {
                        if (!recorded.added()) {
                            dialogs.info("Add an unsubscribe", email + " was already unsubscribed; nothing changed.");
                        }
                        search.set("");
                        reload();
                        refreshCard(email);
                    },
                    failed);
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
        dialogs.chooseCsvFile()
                .ifPresent(file -> dialogs.showWizard(new ImportWindow(new ImportSession(
                        ImportKind.UNSUBSCRIBES, file, record::importFile, background, this::imported))));
    }

    private void imported(ImportReport report) {
        dialogs.info(
                "Import CSV",
                report.written()
                        ? Formats.plural(report.added(), "unsubscribe was", "unsubscribes were") + " added; "
                                + Formats.count(report.unchanged()) + " already known"
                                + (report.problemCount() > 0
                                        ? "; " + Formats.plural(report.problemCount(), "bad row was", "bad rows were")
                                                + " skipped."
                                        : ".")
                        : "Nothing was imported.");
        reload();
    }

    /** Resubscribes the person whose card is shown, if the selected row still holds them and they are unsubscribed. */
    public void resubscribe() {
        if (!canResubscribe.get()) {
            dialogs.info("Resubscribe", "Select an unsubscribed person and wait for their history card first.");
            return;
        }
        Email email = card.get().email();
        dialogs.askResubscribe(email.value()).ifPresent(answer -> {
            Optional<String> reason;
            try {
                reason = FreeText.reason("the reason", answer.reason());
            } catch (InvalidInputException e) {
                dialogs.error("Resubscribe", "Nothing was changed: " + e.getMessage() + ".");
                return;
            }
            if (reason.isEmpty()) {
                dialogs.error(
                        "Resubscribe", "A resubscribe needs a reason: say why " + email + " may be emailed again.");
                return;
            }
            background.submit(
                    p -> resubscribe.resubscribe(email, reason.get(), false),
                    result -> resubscribed(email, result),
                    failed);
        });
    }

    private void resubscribed(Email email, Resubscriber.Result result) {
        dialogs.info(
                "Resubscribe",
                (result.wasUnsubscribed() ? email + " is resubscribed here." : email + " was not unsubscribed here.")
                        + " Salesforce still has the opt-out checked: use "
                        + "Uncheck in Salesforce… next, or the next nightly run marks the person unsubscribed again.");
        reload();
        refreshCard(email);
    }

    /**
     * The separate, confirmed step that unchecks the opt-out in Salesforce for the person whose card is shown: reads
     * which Leads and Contacts are checked, names them with the org in a confirmation, and writes only after a yes.
     */
    public void uncheckInSalesforce() {
        if (!canUncheck.get()) {
            dialogs.info(
                    "Uncheck in Salesforce", "Select a resubscribed person and wait for their history card first.");
            return;
        }
        Email email = card.get().email();
        if (!connection.connected()) {
            dialogs.error(
                    "Uncheck in Salesforce",
                    "No Salesforce org is connected: connect one on the Connection tab, " + "then uncheck " + email
                            + " again.");
            return;
        }
        background.submit(
                p -> new Checked(resubscribe.optedOutInSalesforce(email), connection.summary()),
                checked -> {
                    String org = describe(checked.org());
                    if (checked.records().isEmpty()) {
                        dialogs.info(
                                "Uncheck in Salesforce",
                                "No Lead or Contact of " + email + " has the opt-out " + "checked in " + org
                                        + "; nothing to uncheck.");
                        return;
                    }
                    String records = checked.records().stream()
                            .map(r -> r.id().objectType().apiName() + " " + r.id() + " (" + r.fieldApiName() + ")")
                            .collect(Collectors.joining("\n"));
                    boolean yes = dialogs.confirm(
                            "Uncheck in Salesforce",
                            "Uncheck the email opt-out of " + email
                                    + " in " + org + " on "
                                    + Formats.plural(checked.records().size(), "record", "records")
                                    + ":\n" + records + "\nSalesforce then lets sales email this person again.",
                            "Uncheck in Salesforce");
                    if (!yes) {
                        return;
                    }
                    background.submit(
                            p -> resubscribe.uncheckInSalesforce(email, checked.records()),
                            changes -> unchecked(email, changes),
                            failed);
                },
                failed);
    }

    private record Checked(List<OptedOutRecord> records, OrgState org) {}

    private static String describe(OrgState org) {
        String name = org.organizationName().isBlank()
                ? "the connected org"
                : "the org \u201c" + org.organizationName() + "\u201d";
        return org.instanceUrl().isBlank() ? name : name + " (" + org.instanceUrl() + ")";
    }

    private void unchecked(Email email, List<Resubscriber.RecordChange> changes) {
        dialogs.info(
                "Uncheck in Salesforce",
                "For " + email + ":\n"
                        + changes.stream()
                                .map(change ->
                                        change.id().objectType().apiName() + " " + change.id() + ": " + change.detail())
                                .collect(Collectors.joining("\n")));
        refreshCard(email);
    }

    private void refreshCard(Email email) {
        if (email.equals(shownEmail)) {
            showCard(email);
        }
    }

    /** Saves the list as shown (filter and search) as a CSV file the admin chooses. */
    public void exportList() {
        ListQuery query = query();
        dialogs.chooseSaveFile("Export the list", "unsubscribes.csv")
                .ifPresent(file -> background.submit(
                        p -> {
                            try (CsvExport export = CsvExport.start(
                                    file,
                                    List.of(
                                            "Email",
                                            "Status",
                                            "Name",
                                            "Object",
                                            "Salesforce ID",
                                            "Source",
                                            "Date (UTC)",
                                            "Actor",
                                            "Reason"))) {
                                for (int offset = 0; ; offset += EXPORT_PAGE) {
                                    List<ListedUnsubscribe> page = list.page(query, EXPORT_PAGE, offset);
                                    for (ListedUnsubscribe listed : page) {
                                        export.row(exported(listed));
                                    }
                                    if (page.size() < EXPORT_PAGE) {
                                        return export.finish();
                                    }
                                }
                            }
                        },
                        written -> dialogs.info(
                                "Export the list",
                                Formats.plural(written, "row was", "rows were") + " saved to " + file.getFileName()
                                        + "."),
                        failed));
    }

    private static List<String> exported(ListedUnsubscribe listed) {
        Optional<Person> person = listed.person();
        return List.of(
                listed.unsubscribe().email().value(),
                listed.resubscribed() ? "Resubscribed" : "Unsubscribed",
                person.map(UnsubscribeRow::nameOf).orElse(""),
                person.flatMap(Person::salesforceId)
                        .map(id -> id.objectType().apiName())
                        .orElse(""),
                person.flatMap(Person::salesforceId).map(Object::toString).orElse(""),
                listed.unsubscribe().source().label(),
                listed.unsubscribe().at().toString(),
                listed.unsubscribe().actor(),
                listed.unsubscribe().reason().orElse(""));
    }

    /** Saves the history of the person whose card is shown as a CSV file the admin chooses. */
    public void exportHistory() {
        PersonCard shownCard = card.get();
        if (shownCard == null) {
            dialogs.info("Export the history", "Select a person and wait for their history card first.");
            return;
        }
        Email email = shownCard.email();
        dialogs.chooseSaveFile(
                        "Export the history of " + email,
                        "history-" + email.value().replace('@', '-') + ".csv")
                .ifPresent(file -> background.submit(
                        p -> {
                            try (CsvExport export = CsvExport.start(
                                    file, List.of("Email", "When (UTC)", "Action", "Source", "Actor", "Reason"))) {
                                for (HistoryEntry entry : list.history(email)) {
                                    export.row(List.of(
                                            email.value(),
                                            entry.at().toString(),
                                            entry.action().label(),
                                            entry.source().label(),
                                            entry.actor(),
                                            entry.reason().orElse("")));
                                }
                                return export.finish();
                            }
                        },
                        written -> dialogs.info(
                                "Export the history",
                                Formats.plural(written, "line was", "lines were") + " saved to " + file.getFileName()
                                        + "."),
                        failed));
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ListQuery.Shown> shownProperty() {
        return shown;
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

    /** The person whose history card is shown, once read; every action acts on this person only. */
    public ReadOnlyObjectProperty<PersonCard> cardProperty() {
        return card;
    }

    public BooleanBinding canResubscribeProperty() {
        return canResubscribe;
    }

    public BooleanBinding canUncheckProperty() {
        return canUncheck;
    }

    /** Whether any person has a name: without one the Name column is hidden so it takes no room. */
    public BooleanProperty namesKnownProperty() {
        return namesKnown;
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
