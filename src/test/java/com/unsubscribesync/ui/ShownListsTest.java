package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ShownListsTest {
    private final ObservableList<String> shown = FXCollections.observableArrayList("run 3", "run 2", "run 1");
    private final List<String> changes = new ArrayList<>();

    ShownListsTest() {
        shown.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                changes.add((change.wasRemoved() ? "-" + change.getRemoved() : "")
                        + (change.wasAdded() ? "+" + change.getAddedSubList() : "") + "@" + change.getFrom());
            }
        });
    }

    @Test
    void anUnchangedListTellsTheTableNothing() {
        ShownLists.update(shown, List.of("run 3", "run 2", "run 1"));
        assertThat(changes).isEmpty();
    }

    @Test
    void aNewRunOnTopIsOneInsertion() {
        ShownLists.update(shown, List.of("run 4", "run 3", "run 2", "run 1"));
        assertThat(shown).containsExactly("run 4", "run 3", "run 2", "run 1");
        assertThat(changes).containsExactly("+[run 4]@0");
    }

    @Test
    void aChangedRowInTheMiddleReplacesOnlyThatRow() {
        ShownLists.update(shown, List.of("run 3", "run 2 finished", "run 1"));
        assertThat(shown).containsExactly("run 3", "run 2 finished", "run 1");
        assertThat(changes).containsExactly("-[run 2]@1", "+[run 2 finished]@1");
    }

    @Test
    void aShorterListLosesOnlyWhatWentAway() {
        ShownLists.update(shown, List.of("run 3"));
        assertThat(shown).containsExactly("run 3");
        ShownLists.update(shown, List.of());
        assertThat(shown).isEmpty();
    }
}
