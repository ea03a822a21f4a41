package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.PersonTable;
import com.unsubscribesync.localorg.state.RecordIds;

/** Finds the Lead or Contact an id names, or says why it cannot be used. */
final class RecordLookup {

    /** A person row, or an error when the id does not lead to a live one. */
    record Found(PersonTable table, int row, RecordError error) {
        boolean ok() {
            return error == null;
        }
    }

    private RecordLookup() {}

    static Found live(OrgState state, String id, String expectedType) {
        Found found = any(state, id, expectedType);
        if (found.ok() && found.table().isDeleted(found.row())) {
            return new Found(found.table(), found.row(), RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        return found;
    }

    static Found any(OrgState state, String id, String expectedType) {
        if (id == null) {
            return new Found(null, -1, RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
        }
        if (!RecordIds.looksLikeId(id)) {
            return new Found(null, -1, RecordError.of("MALFORMED_ID", "bad id " + id));
        }
        PersonTable table = state.peopleOf(id).orElse(null);
        if (table == null || (expectedType != null && !table.schema().name().equalsIgnoreCase(expectedType))) {
            String type = expectedType == null ? "Record" : expectedType;
            return new Found(
                    null, -1, RecordError.of("MALFORMED_ID", type + " ID: id value of incorrect type: " + id, "Id"));
        }
        int row = table.rowOf(id);
        if (row < 0) {
            return new Found(null, -1, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        return new Found(table, row, null);
    }
}
