package com.unsubscribesync.localorg.state;

/** Rows of one object, read by field. Values are String, Boolean, Instant, LocalDate or null. */
public interface RecordTable {
    ObjectSchema schema();

    int size();

    String id(int row);

    /** The row of an id of this object, or -1. */
    int rowOf(String id);

    boolean isDeleted(int row);

    Object value(int row, FieldDef field);
}
