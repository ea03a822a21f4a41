package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.layout.LayoutChange;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wizard did for one object: the last preview, the last save, every change still undoable (newest last),
 * the admin request, a field note and the object's own outcome line.
 */
final class ObjectWork {
    final ObservableList<LayoutChange> preview = FXCollections.observableArrayList();
    final ObservableList<LayoutChange> installed = FXCollections.observableArrayList();
    /** Each save that added the field somewhere, as the layouts it added it to; Undo takes back the last. */
    final ObservableList<List<LayoutChange>> changes = FXCollections.observableArrayList();

    final StringProperty adminRequest = new SimpleStringProperty("");
    final StringProperty note = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");

    List<LayoutChange> added() {
        return changes.stream().flatMap(List::stream).toList();
    }

    List<LayoutChange> lastChange() {
        return changes.isEmpty() ? List.of() : changes.get(changes.size() - 1);
    }
}
