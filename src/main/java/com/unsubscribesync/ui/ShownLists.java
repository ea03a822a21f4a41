package com.unsubscribesync.ui;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Brings a list a table shows up to date with as small a change as possible. Screens re-read their data every few
 * seconds; replacing the whole list each time makes the table rebuild every visible row on the FX thread, which is
 * what stalls a window while a sync keeps the processor busy.
 */
public final class ShownLists {
    private ShownLists() {}

    public static <T> void update(ObservableList<T> shown, List<T> now) {
        int before = shown.size();
        int after = now.size();
        int same = 0;
        while (same < before && same < after && shown.get(same).equals(now.get(same))) {
            same++;
        }
        int sameAtEnd = 0;
        while (sameAtEnd < before - same
                && sameAtEnd < after - same
                && shown.get(before - 1 - sameAtEnd).equals(now.get(after - 1 - sameAtEnd))) {
            sameAtEnd++;
        }
        if (same == before && same == after) {
            return;
        }
        if (before - sameAtEnd > same) {
            shown.remove(same, before - sameAtEnd);
        }
        if (after - sameAtEnd > same) {
            shown.addAll(same, now.subList(same, after - sameAtEnd));
        }
    }
}
