package com.unsubscribesync.ui.connection;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Failures;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.LatestRead;
import com.unsubscribesync.usecase.BrowserSignIn;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ConnectionPlace;
import com.unsubscribesync.usecase.OrgState;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Connection screen: the demo org or a Salesforce org, its state and the API allowance. */
public final class ConnectionViewModel {
    private final ConnectOrg connection;
    private final java.util.function.Consumer<Throwable> failed;
    private final Background background;
    private final LatestRead reads;
    private final DialogService dialogs;
    private final Runnable changed;

    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.DEMO);
    private final StringProperty loginUrl = new SimpleStringProperty(LoginPreset.PRODUCTION.url());
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty callbackPort = new SimpleStringProperty("");
    private final StringProperty callbackUrl = new SimpleStringProperty("");
    private final StringProperty signInAddress = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("Checking the connection…");
    private final StringProperty details = new SimpleStringProperty("");
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final BooleanProperty onDemo = new SimpleBooleanProperty(false);
    private final BooleanProperty guideShown = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty apiUsage = new SimpleDoubleProperty(0);
    private final StringProperty apiUsageText = new SimpleStringProperty("Unknown until an org is connected.");
    private final UserRightsViewModel rights = new UserRightsViewModel();
    private final Optional<StoreViewModel> store;

    /** Where to connect. */
    public enum Target {
        DEMO,
        SALESFORCE
    }

    /** The login addresses admins choose from. */
    public enum LoginPreset {
        PRODUCTION("Production — login.salesforce.com", "https://login.salesforce.com"),
        SANDBOX("Sandbox — test.salesforce.com", "https://test.salesforce.com");

        private final String label;
        private final String url;

        LoginPreset(String label, String url) {
            this.label = label;
            this.url = url;
        }

        public String url() {
            return url;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** @param changed called after the connection changed, so the rest of the console can look again */
    public ConnectionViewModel(ConnectOrg connection, Background background, DialogService dialogs, Runnable changed) {
        this(connection, background, dialogs, changed, Optional.empty());
    }

    /** @param store the Store part of the screen; empty: the screen shows only the Salesforce connection */
    public ConnectionViewModel(
            ConnectOrg connection,
            Background background,
            DialogService dialogs,
            Runnable changed,
            Optional<StoreViewModel> store) {
        this.store = store;
        this.connection = connection;
        this.failed = Failures.shownIn(dialogs, "Connection");
        this.background = background;
        this.reads = new LatestRead(background);
        this.dialogs = dialogs;
        this.changed = changed;
        callbackPort.addListener((o, was, now) -> callbackUrl.set(callbackUrlFor(now)));
        callbackPort.set(Integer.toString(connection.defaultCallbackPort()));
    }

    private String callbackUrlFor(String port) {
        try {
            return connection.callbackUrl(java.util.OptionalInt.of(Integer.parseInt(port.strip())));
        } catch (NumberFormatException | InvalidInputException e) {
            return "";
        }
    }

    public void refresh() {
        reads.read(p -> connection.check(), this::show, failed);
        store.ifPresent(StoreViewModel::refresh);
    }

    private void show(OrgState org) {
        rights.show(org);
        connected.set(org.connected());
        onDemo.set(org.connected() && org.demo());
        if (org.connected()) {
            target.set(org.demo() ? Target.DEMO : Target.SALESFORCE);
            state.set(
                    "Connected to " + (org.demo() ? "the demo org" : org.organizationName()) + " as " + org.userName());
            details.set(
                    org.demo()
                            ? "The demo org runs inside this app with made-up Leads and Contacts. Nothing "
                                    + "you do here reaches a real Salesforce org."
                            : org.instanceUrl());
        } else {
            state.set("Not connected");
            details.set(org.problem()
                    .orElse("Connect the built-in demo org to try the console, or log in to your "
                            + "Salesforce org."));
        }
        if (org.apiUsed().isPresent()
                && org.apiLimit().isPresent()
                && org.apiLimit().get() > 0) {
            long used = org.apiUsed().get();
            long limit = org.apiLimit().get();
            apiUsage.set((double) used / limit);
            apiUsageText.set(Formats.count(used) + " of " + Formats.count(limit) + " API requests used in the last "
                    + "24 hours (" + Math.round(100.0 * used / limit) + " %)");
        } else {
            apiUsage.set(0);
            apiUsageText.set(
                    org.connected()
                            ? "Not reported yet: the org reports usage after the first call."
                            : "Unknown until an org is connected.");
        }
    }

    public void connect() {
        if (target.get() == Target.SALESFORCE && clientId.get().isBlank()) {
            dialogs.error(
                    "Log in",
                    "Enter the Consumer Key of your External Client App as Client ID first: your "
                            + "Salesforce admin finds it under " + ConnectGuide.KEY_WHERE + ".");
            guideShown.set(true);
            return;
        }
        if (target.get() == Target.SALESFORCE && callbackUrl.get().isEmpty()) {
            dialogs.error(
                    "Log in",
                    "The callback port '" + callbackPort.get().strip() + "' is not a port: give a "
                            + "number from 1024 to 65535, the one in the callback URL registered in your External Client App.");
            return;
        }
        busy.set(true);
        signInAddress.set("");
        state.set(target.get() == Target.DEMO ? "Starting the demo org…" : "Waiting for you to log in in the browser…");
        Background.Running running = background.submit(
                p -> {
                    if (target.get() == Target.DEMO) {
                        connection.demo();
                    } else {
                        connection.inBrowser(signInRequest(), line -> p.update(line, -1));
                    }
                    return connection.check();
                },
                org -> {
                    busy.set(false);
                    signInAddress.set("");
                    show(org);
                    changed.run();
                    refresh();
                },
                e -> {
                    busy.set(false);
                    signInAddress.set("");
                    failed.accept(e);
                    refresh();
                });
        running.onProgress(report -> said(report.message()));
    }

    private BrowserSignIn signInRequest() {
        String secret = clientSecret.get().strip();
        return BrowserSignIn.typed(
                loginUrl.get().strip(),
                clientId.get().strip(),
                secret.isEmpty() ? Optional.empty() : Optional.of(secret),
                Integer.parseInt(callbackPort.get().strip()));
    }

    /** What the sign-in says while it waits: the address to open by hand when no browser could be opened. */
    private void said(String line) {
        if (line.startsWith("http://") || line.startsWith("https://")) {
            signInAddress.set(line);
            state.set("No browser could be opened: open the sign-in address below in a browser on this computer");
        }
    }

    public void disconnect() {
        boolean team = connection.place() == ConnectionPlace.TEAM_STORE;
        if (!dialogs.confirm(
                "Disconnect",
                (team
                                ? "Disconnect the whole team from Salesforce? The team's saved sign-in is deleted "
                                        + "from the shared store, for every node and console using it. Unsubscribes "
                                : "Disconnect from Salesforce? The saved sign-in is deleted. Unsubscribes ")
                        + "keep being recorded and wait in the outbox until you connect again.",
                "Disconnect")) {
            return;
        }
        background.submit(
                p -> {
                    connection.disconnect();
                    return null;
                },
                done -> {
                    changed.run();
                    refresh();
                },
                failed);
    }

    public static List<LoginPreset> presets() {
        return List.of(LoginPreset.values());
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public StringProperty loginUrlProperty() {
        return loginUrl;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    /** The consumer secret, only when the External Client App requires it; kept encrypted with the token. */
    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public StringProperty callbackPortProperty() {
        return callbackPort;
    }

    /** The exact callback URL to register in the External Client App; empty while the port is not a port. */
    public ReadOnlyStringProperty callbackUrlProperty() {
        return callbackUrl;
    }

    /** The sign-in address to open by hand when no browser could be opened; empty otherwise. */
    public ReadOnlyStringProperty signInAddressProperty() {
        return signInAddress;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    /** Whether the org connected now is the demo org. */
    public ReadOnlyBooleanProperty onDemoProperty() {
        return onDemo;
    }

    /** Shows the steps for creating the External Client App above the form. */
    public void showGuide() {
        guideShown.set(true);
    }

    public void hideGuide() {
        guideShown.set(false);
    }

    public ReadOnlyBooleanProperty guideShownProperty() {
        return guideShown;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty apiUsageProperty() {
        return apiUsage;
    }

    public ReadOnlyStringProperty apiUsageTextProperty() {
        return apiUsageText;
    }

    /** Where this console keeps its data; empty when the screen does not show it. */
    public Optional<StoreViewModel> store() {
        return store;
    }

    /** The integration user's rights, as the last look at the org found them. */
    public UserRightsViewModel rights() {
        return rights;
    }
}
