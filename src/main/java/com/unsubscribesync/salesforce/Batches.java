package com.unsubscribesync.salesforce;

import java.util.ArrayList;
import java.util.List;

/** Items cut into the slices one call may carry. */
final class Batches {
    private Batches() {}

    static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }
}
