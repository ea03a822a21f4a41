package com.unsubscribesync.salesforce;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One page layout, whole, as the org returned it: its sections for display and {@code document}, the complete
 * layout in the Metadata API's XML, which is what a backup keeps and what an undo sends back.
 */
public record PageLayout(String fullName, List<Section> sections, String document) {

    public PageLayout {
        sections = List.copyOf(sections);
    }

    /** A section of the layout; {@code columns} holds one list of items per column (1 to 3). */
    public record Section(String label, String style, List<List<Item>> columns) {
        public Section {
            columns = columns.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A place on the layout: a field with its behaviour ({@code Edit}, {@code Required}, {@code Readonly}), or a
     * blank space, custom link or component (no field).
     */
    public record Item(Optional<String> field, Optional<String> behavior) {}

    /** The item that places this field, compared case-insensitively as Salesforce compares API names. */
    public Optional<Item> itemFor(String fieldApiName) {
        String wanted = fieldApiName.toLowerCase(Locale.ROOT);
        return sections.stream()
                .flatMap(s -> s.columns().stream())
                .flatMap(List::stream)
                .filter(item -> item.field()
                        .map(f -> f.toLowerCase(Locale.ROOT).equals(wanted))
                        .orElse(false))
                .findFirst();
    }
}
