package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.RecordTable;
import java.util.List;

/**
 * What a query returns per record, in SELECT order: a field of the record, or a parent record reached through a
 * relationship with the parent fields selected from it.
 */
public sealed interface SelectedColumn {

    record Direct(FieldDef field) implements SelectedColumn {}

    record Parent(FieldDef reference, RecordTable target, List<FieldDef> fields) implements SelectedColumn {}
}
