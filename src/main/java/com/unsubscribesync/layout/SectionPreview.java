package com.unsubscribesync.layout;

import java.util.List;
import java.util.Optional;

/**
 * The section a field goes into, as it will look: for the wizard's preview and the command line's dry run.
 *
 * @param column     the column it goes into, counted from 1
 * @param afterField the field it is placed below; empty at the top of the column
 * @param columns    the section's columns after the change, one list of field API names per column
 *                   ({@code ""} for a blank space or other item without a field)
 */
public record SectionPreview(
        String layoutFullName,
        String sectionLabel,
        int column,
        Optional<String> afterField,
        String fieldApiName,
        List<List<String>> columns) {

    public SectionPreview {
        columns = columns.stream().map(List::copyOf).toList();
    }
}
