package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.layout.LayoutChange;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the wizard did for one object: the last preview, the last save, the admin request and a field note. */
final class ObjectWork {
    final ObservableList<LayoutChange> preview = FXCollections.observableArrayList();
    final ObservableList<LayoutChange> installed = FXCollections.observableArrayList();
    final StringProperty adminRequest = new SimpleStringProperty("");
    final StringProperty note = new SimpleStringProperty("");

    List<LayoutChange> added() {
        return installed.stream().filter(c -> c.outcome() == LayoutChange.Outcome.ADDED).toList();
    }
}
