package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.RecordTable;

/** A field path resolved against the schema: a field of the queried record, or of a parent through a reference. */
record ResolvedField(FieldDef field, FieldDef reference, RecordTable parent) {

    Object value(RecordTable table, int row) {
        if (reference == null) {
            return table.value(row, field);
        }
        Object parentId = table.value(row, reference);
        if (parentId == null) {
            return null;
        }
        int parentRow = parent.rowOf((String) parentId);
        return parentRow < 0 ? null : parent.value(parentRow, field);
    }
}
