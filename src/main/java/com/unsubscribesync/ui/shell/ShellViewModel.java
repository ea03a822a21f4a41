package com.unsubscribesync.ui.shell;

import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.OrgState;
import com.unsubscribesync.usecase.SyncOverview;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/** The main window: which screen is shown, and the status bar. */
public final class ShellViewModel {
    private final ConnectOrg connection;
    private final SyncOverview overview;
    private final ZoneId zone;
    private final Background background;
    private final ObjectProperty<Screen> screen;
    private final SimpleStringProperty org = new SimpleStringProperty("Not connected");
    private final SimpleBooleanProperty demo = new SimpleBooleanProperty(false);
    private final SimpleStringProperty outbox = new SimpleStringProperty("");
    private final SimpleStringProperty nextRun = new SimpleStringProperty("");
    private final SimpleStringProperty apiUsage = new SimpleStringProperty("");
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>(TextSize.NORMAL);
    private boolean looking;
    private boolean lookAgain;

    /** @param zone the admin's own time zone, in which times are shown */
    public ShellViewModel(
            ConnectOrg connection, SyncOverview overview, ZoneId zone, Background background, Screen first) {
        this.connection = connection;
        this.overview = overview;
        this.zone = zone;
        this.background = background;
        this.screen = new SimpleObjectProperty<>(first);
    }

    private record Status(OrgState org, long outbox, Optional<Instant> nextRun) {}

    /**
     * Looks at the connection, the outbox and the schedule again. Asked while a look is running, it looks once more
     * when that one ends: the running look may have read before the change that asked.
     */
    public void refreshStatus() {
        if (looking) {
            lookAgain = true;
            return;
        }
        looking = true;
        background.submit(
                p -> new Status(connection.summary(), overview.outboxPending(), overview.nextRun()),
                status -> {
                    show(status);
                    looked();
                },
                e -> looked());
    }

    private void looked() {
        looking = false;
        if (lookAgain) {
            lookAgain = false;
            refreshStatus();
        }
    }

    private void show(Status status) {
        OrgState state = status.org();
        demo.set(state.connected() && state.demo());
        org.set(
                !state.connected()
                        ? state.problem().isPresent() ? "Connection problem: see Connection" : "Not connected"
                        : state.demo()
                                ? "Demo org"
                                : state.organizationName()
                                        + (state.userName().isEmpty() ? "" : " · " + state.userName()));
        outbox.set(
                status.outbox() == 0 ? "Outbox empty" : Formats.plural(status.outbox(), "push", "pushes") + " waiting");
        nextRun.set(status.nextRun()
                .map(at -> "Next nightly run " + Formats.dateTime(at, zone))
                .orElse("Nightly sync off"));
        apiUsage.set(
                state.apiUsed().isPresent() && state.apiLimit().isPresent()
                        ? "API " + Formats.count(state.apiUsed().get()) + " / "
                                + Formats.count(state.apiLimit().get())
                        : "API usage unknown");
    }

    public ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    public void largerText() {
        textSize.set(textSize.get().larger());
    }

    public void smallerText() {
        textSize.set(textSize.get().smaller());
    }

    public void normalText() {
        textSize.set(TextSize.NORMAL);
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty orgProperty() {
        return org;
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo;
    }

    public ReadOnlyStringProperty outboxProperty() {
        return outbox;
    }

    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun;
    }

    public ReadOnlyStringProperty apiUsageProperty() {
        return apiUsage;
    }
}
