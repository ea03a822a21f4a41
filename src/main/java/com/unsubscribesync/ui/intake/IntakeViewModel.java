package com.unsubscribesync.ui.intake;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.links.BaseUrl;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.links.OneClickLink;
import com.unsubscribesync.links.UnsubscribeLinks;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.LatestRead;
import com.unsubscribesync.ui.ShownLists;
import com.unsubscribesync.usecase.ApiKeys;
import com.unsubscribesync.usecase.IntakeToday;
import com.unsubscribesync.usecase.SyncOverview;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Links & keys: where the intake of each running {@code serve} listens, today's clicks and refusals, the intake API's keys
 * (made and revoked by the same rules as {@code api-keys}), and a link with its two email headers for one address.
 */
public final class IntakeViewModel {
    static final String TITLE = "Links & keys";
    private static final String FIRST_INTAKE = "127.0.0.1:8080";

    private final Supplier<List<String>> listening;
    private final SyncOverview overview;
    private final ApiKeys keys;
    private final UnsubscribeLinks links;
    private final ZoneId zone;
    private final Background background;
    private final LatestRead reads;
    private final DialogService dialogs;
    private final String startCommand;

    private final ObservableList<String> intakes = FXCollections.observableArrayList();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final SimpleStringProperty clicks = new SimpleStringProperty("");
    private final SimpleStringProperty refusals = new SimpleStringProperty("");
    private final ObservableList<ApiKeyRow> keyRows = FXCollections.observableArrayList();
    private final SimpleStringProperty keyName = new SimpleStringProperty("");
    private final SimpleStringProperty keyProblem = new SimpleStringProperty("");
    private final SimpleStringProperty baseUrl = new SimpleStringProperty("");
    private final SimpleStringProperty email = new SimpleStringProperty("");
    private final SimpleStringProperty campaign = new SimpleStringProperty("");
    private final SimpleStringProperty linkProblem = new SimpleStringProperty("");
    private final SimpleStringProperty url = new SimpleStringProperty("");
    private final SimpleStringProperty listUnsubscribe = new SimpleStringProperty("");
    private final SimpleStringProperty listUnsubscribePost = new SimpleStringProperty("");

    /** What the services do: the addresses the running serves' intakes listen on, the keys, the links. */
    public record Uses(Supplier<List<String>> listening, SyncOverview overview, ApiKeys keys, UnsubscribeLinks links) {}

    /**
     * @param dataDirectory named in the command that starts an intake, so that it serves this console's data
     * @param zone          the admin's own time zone: "today" and the keys' times
     */
    public IntakeViewModel(Uses uses, Path dataDirectory, ZoneId zone, Background background, DialogService dialogs) {
        this.listening = uses.listening();
        this.overview = uses.overview();
        this.keys = uses.keys();
        this.links = uses.links();
        this.zone = zone;
        this.background = background;
        this.reads = new LatestRead(background);
        this.dialogs = dialogs;
        String directory = dataDirectory.toAbsolutePath().toString();
        this.startCommand = "unsubscribe-sync --data-dir "
                + (directory.chars().anyMatch(Character::isWhitespace) ? "\"" + directory + "\"" : directory)
                + " serve --intake " + FIRST_INTAKE;
    }

    private record Look(
            List<String> intakes, long clicks, IntakeToday today, List<ApiKeys.KeyUse> keys, Optional<String> base) {}

    /**
     * Reads the intakes, today's clicks and refusals and the keys again; the first intake on this computer fills the
     * base URL.
     */
    public void refresh() {
        reads.read(
                p -> {
                    List<String> now = listening.get();
                    return new Look(
                            now,
                            overview.clickedToday(zone),
                            overview.intakeToday(zone),
                            keys.list(),
                            now.stream().filter(IntakeViewModel::usable).findFirst());
                },
                this::show,
                Failures.shownIn(dialogs, TITLE));
    }

    private static boolean usable(String base) {
        try {
            BaseUrl.parse(base);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private void show(Look look) {
        ShownLists.update(intakes, look.intakes());
        running.set(!look.intakes().isEmpty());
        clicks.set(Formats.plural(look.clicks(), "click", "clicks") + " on unsubscribe links recorded today");
        String today = look.today().words();
        boolean any = look.today().refusedTotal() > 0 || look.today().failed() > 0;
        refusals.set(any ? Character.toUpperCase(today.charAt(0)) + today.substring(1) : "");
        ShownLists.update(
                keyRows,
                look.keys().stream().map(key -> ApiKeyRow.of(key, zone)).toList());
        if (baseUrl.get().isBlank()) {
            look.base().ifPresent(baseUrl::set);
        }
    }

    /** Makes a key of the name typed; its secret is shown once. A refused name is said under the field. */
    public void createKey() {
        String name = keyName.get();
        background.submit(
                p -> keys.create(name),
                created -> {
                    keyProblem.set("");
                    keyName.set("");
                    dialogs.showSecret(
                            "API key '" + created.name() + "' created",
                            "Give this key to the system that sends unsubscribes (as \"Authorization: Bearer KEY\") and "
                                    + "keep it where it keeps its secrets. It will not be shown again: lost, revoke it "
                                    + "and create another.",
                            created.key());
                    refresh();
                },
                refused(keyProblem, "Create API key"));
    }

    /** Revokes a key after the admin confirms: requests with it are refused from then on. */
    public void revoke(ApiKeyRow key) {
        if (!dialogs.confirm(
                "Revoke API key '" + key.name() + "'?",
                "Requests with the key '" + key.name() + "' are refused from now on; this cannot be undone. "
                        + "Its name stays in the list and in history.",
                "Revoke")) {
            return;
        }
        background.submit(p -> keys.revoke(key.name()), name -> refresh(), Failures.shownIn(dialogs, "Revoke API key"));
    }

    /** Seals a link for the address and campaign typed; a refused address, campaign or base URL is said under them. */
    public void makeLink() {
        String base = baseUrl.get();
        String address = email.get();
        Optional<String> named = Optional.ofNullable(campaign.get()).filter(text -> !text.isBlank());
        url.set("");
        listUnsubscribe.set("");
        listUnsubscribePost.set("");
        background.submit(
                p -> links.make(LinkSubject.parse(address, named), BaseUrl.parse(base)),
                this::showLink,
                refused(linkProblem, "Make link"));
    }

    private void showLink(OneClickLink link) {
        linkProblem.set("");
        url.set(link.url().toString());
        listUnsubscribe.set(link.listUnsubscribeHeader());
        listUnsubscribePost.set(link.listUnsubscribePostHeader());
    }

    /** Refused input goes under its field; anything else is a dialog. */
    private Consumer<Throwable> refused(StringProperty problem, String title) {
        Consumer<Throwable> dialog = Failures.shownIn(dialogs, title);
        return e -> {
            if (e instanceof InvalidInputException) {
                problem.set(Failures.asSentence(e.getMessage()));
            } else {
                problem.set("");
                dialog.accept(e);
            }
        };
    }

    public ObservableList<String> intakes() {
        return intakes;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty clicksProperty() {
        return clicks;
    }

    /**
     * "Refused today: 12 (too fast 10, bad link 2); failed commits today: 0", by every intake on the store; empty on a
     * day with neither.
     */
    public ReadOnlyStringProperty refusalsProperty() {
        return refusals;
    }

    /** The command that starts an intake on this computer, for this data directory. */
    public String startCommand() {
        return startCommand;
    }

    public ObservableList<ApiKeyRow> keys() {
        return keyRows;
    }

    public StringProperty keyNameProperty() {
        return keyName;
    }

    public ReadOnlyStringProperty keyProblemProperty() {
        return keyProblem;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty campaignProperty() {
        return campaign;
    }

    public ReadOnlyStringProperty linkProblemProperty() {
        return linkProblem;
    }

    public ReadOnlyStringProperty urlProperty() {
        return url;
    }

    public ReadOnlyStringProperty listUnsubscribeProperty() {
        return listUnsubscribe;
    }

    public ReadOnlyStringProperty listUnsubscribePostProperty() {
        return listUnsubscribePost;
    }
}
