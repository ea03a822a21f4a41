package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.soql.SelectedColumn;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.RecordTable;
import java.util.List;

/**
 * Writes sObjects as Salesforce does: type, the base Id (nil when not selected), then the selected fields in order,
 * so a selected Id appears twice; nulls are xsi:nil and values carry no xsi:type.
 */
final class RecordWriter {
    private RecordWriter() {}

    static void write(XmlOut out, String element, RecordTable table, int row, List<SelectedColumn> columns) {
        out.open(element, "xsi:type", "sf:sObject")
                .leaf("sf:type", table.schema().name());
        boolean idSelected = columns.stream()
                .anyMatch(c ->
                        c instanceof SelectedColumn.Direct d && d.field().name().equals("Id"));
        out.leaf("sf:Id", idSelected ? table.id(row) : null);
        for (SelectedColumn column : columns) {
            if (column instanceof SelectedColumn.Direct direct) {
                field(out, direct.field(), table.value(row, direct.field()));
            } else {
                SelectedColumn.Parent parent = (SelectedColumn.Parent) column;
                Object parentId = table.value(row, parent.reference());
                int parentRow = parentId == null ? -1 : parent.target().rowOf((String) parentId);
                String name = "sf:" + parent.reference().relationshipName();
                if (parentRow < 0) {
                    out.nil(name);
                } else {
                    out.open(name, "xsi:type", "sf:sObject")
                            .leaf("sf:type", parent.target().schema().name())
                            .nil("sf:Id");
                    for (FieldDef field : parent.fields()) {
                        field(out, field, parent.target().value(parentRow, field));
                    }
                    out.close();
                }
            }
        }
        out.close();
    }

    private static void field(XmlOut out, FieldDef field, Object value) {
        out.leaf("sf:" + field.name(), value == null ? null : WireValues.format(value));
    }
}
