package com.unsubscribesync.ui.connection;

import com.unsubscribesync.layout.IntegrationUserRights;
import com.unsubscribesync.layout.IntegrationUserRights.Status;
import com.unsubscribesync.usecase.OrgState;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The integration user's rights on the Connection screen: one row per right (✓, ✗ with what to ask the Salesforce
 * admin, or not known yet) and one request to copy for the admin. It shows what the connection's last look at the
 * org found, so it costs no call of its own; it changes on the FX thread only.
 */
public final class UserRightsViewModel {
    /** One line of the checklist; {@code detail} is the request to the admin, or why the right is not known yet. */
    public record Row(String title, Status status, String detail) {}

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final SimpleStringProperty summary = new SimpleStringProperty("Checked once an org is connected.");
    private final SimpleStringProperty request = new SimpleStringProperty("");
    private final SimpleBooleanProperty anyMissing = new SimpleBooleanProperty(false);

    void show(OrgState org) {
        Optional<IntegrationUserRights> known = org.rights();
        rows.setAll(known.map(rights -> rights.rights().stream()
                        .map(right -> new Row(
                                right.title(),
                                right.status(),
                                right.askAdmin().or(right::note).orElse("")))
                        .toList())
                .orElse(java.util.List.of()));
        summary.set(known.map(rights -> rights.allGranted()
                        ? "The user " + rights.userName().orElse("") + " has every right the app needs."
                        : rights.missing().isEmpty()
                                ? "Some rights can only be checked once others are given."
                                : rights.missing().size() + " of "
                                        + rights.rights().size() + " rights are missing: copy the "
                                        + "request below and send it to your Salesforce admin.")
                .orElse(
                        org.connected()
                                ? "Not checked: the org could not be asked."
                                : "Checked once an org is connected."));
        Optional<String> text = known.flatMap(rights -> rights.requestToAdmin(
                org.organizationName().isBlank() ? Optional.empty() : Optional.of(org.organizationName())));
        request.set(text.orElse(""));
        anyMissing.set(text.isPresent());
    }

    public ObservableList<Row> rows() {
        return shownRows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The message for the Salesforce admin asking for every missing right; blank when none is missing. */
    public ReadOnlyStringProperty requestProperty() {
        return request;
    }

    public ReadOnlyBooleanProperty anyMissingProperty() {
        return anyMissing;
    }
}
