package com.unsubscribesync.ui.welcome;

import com.unsubscribesync.ui.Background;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.OrgState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The first-run welcome: shown once per data directory, dismissed by the admin. It says which org the data directory
 * is connected to, so only a data directory on the demo org is called the demo.
 */
public final class WelcomeViewModel {
    private final WelcomeMemory memory;
    private final ConnectOrg connection;
    private final Background background;
    private final Runnable openGuide;
    private final SimpleBooleanProperty showing = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty onDemo = new SimpleBooleanProperty(false);
    private final SimpleStringProperty where = new SimpleStringProperty("");

    /** @param openGuide switches the console to the Connection screen with the steps to connect a real org */
    public WelcomeViewModel(WelcomeMemory memory, ConnectOrg connection, Background background, Runnable openGuide) {
        this.memory = memory;
        this.connection = connection;
        this.background = background;
        this.openGuide = openGuide;
    }

    private record FirstLook(boolean first, OrgState org) {}

    /** Shows the welcome unless this data directory has shown it before; remembers it at once, so it comes once. */
    public void showIfFirstRun() {
        background.submit(
                progress -> {
                    OrgState org = connection.summary();
                    if (memory.shown()) {
                        return new FirstLook(false, org);
                    }
                    memory.remember();
                    return new FirstLook(true, org);
                },
                look -> {
                    show(look.org());
                    if (look.first()) {
                        showing.set(true);
                    }
                },
                failed -> showing.set(false));
    }

    private void show(OrgState org) {
        onDemo.set(org.connected() && org.demo());
        if (onDemo.get()) {
            where.set("You are looking at the demo org: a built-in stand-in for Salesforce with made-up people, "
                    + "unsubscribes and a conflict of every kind to try things on. Nothing here reaches a real org.");
        } else if (org.connected()) {
            where.set("This data directory is connected to " + org.organizationName()
                    + (org.userName().isEmpty() ? "" : " as " + org.userName()) + ": the screens show that org's "
                    + "unsubscribes and conflicts, and what you change here is written to it.");
        } else {
            where.set("This data directory is not connected to an org yet: connect the built-in demo org on the "
                    + "Connection screen to try things on made-up data, or your own org as below.");
        }
    }

    public void dismiss() {
        showing.set(false);
    }

    public void connectRealOrg() {
        showing.set(false);
        openGuide.run();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing;
    }

    /** Whether the data directory is connected to the demo org. */
    public ReadOnlyBooleanProperty onDemoProperty() {
        return onDemo;
    }

    /** Which org the console shows: the demo, another org by name, or none yet. */
    public ReadOnlyStringProperty whereProperty() {
        return where;
    }
}
