package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.state.OrgState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Updates of Leads and Contacts given as rows of text values, as a Bulk API batch sends them. Each row meets the
 * same rules as one record of the SOAP update call: a live id of the object, converted leads, field-level security,
 * injected record errors. An empty value leaves the field alone and {@code #N/A} empties it, as in Bulk CSV.
 */
public final class RecordUpdates {
    static final String NULL_VALUE = "#N/A";

    /** What became of one row: the id it named (when it named a record) and its error, if it was not saved. */
    public record Outcome(Optional<String> id, Optional<RecordError> error) {
        public boolean success() {
            return error.isEmpty();
        }
    }

    private final SaveOperations saves;

    public RecordUpdates(OrgState state, Faults faults) {
        this.saves = new SaveOperations(state, faults);
    }

    /** The first column that is not a field of the object the user can see, if any. */
    public Optional<String> unknownField(String objectName, List<String> columns) {
        return saves.unknownField(objectName, columns);
    }

    /**
     * Applies the rows in order, each on its own; call {@link #unknownField} first.
     *
     * @param columns field API names, one of them {@code Id}
     */
    public List<Outcome> update(
            String objectName, List<String> columns, List<List<String>> rows, int userRow, String apiVersion) {
        List<SObjectInput> inputs = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            String id = null;
            Map<String, String> values = new LinkedHashMap<>();
            List<String> toNull = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = i < row.size() ? row.get(i) : "";
                String column = columns.get(i);
                if (column.equalsIgnoreCase("Id")) {
                    id = value.isBlank() ? null : value.trim();
                } else if (value.equals(NULL_VALUE)) {
                    toNull.add(column);
                } else if (!value.isEmpty()) {
                    values.put(column, value);
                }
            }
            inputs.add(new SObjectInput(objectName, id, values, toNull));
        }
        CallContext context = new CallContext(userRow, null, apiVersion, null, null);
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (SaveOperations.Saved saved : saves.saveAll(inputs, context, false, false)) {
            outcomes.add(new Outcome(Optional.ofNullable(saved.id()), Optional.ofNullable(saved.error())));
        }
        return outcomes;
    }
}
