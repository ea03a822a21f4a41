package com.unsubscribesync.salesforce;

/**
 * Where a field goes on a layout: section and column (0-based) and the position in that column's items. A
 * checkbox is always placed as {@code Edit}: Salesforce refuses a Required checkbox on a layout.
 */
public record FieldPlacement(String fieldApiName, int section, int column, int position) {

    public FieldPlacement {
        if (section < 0 || column < 0 || position < 0) {
            throw new IllegalArgumentException("a placement is section, column and position, each 0 or more");
        }
    }
}
