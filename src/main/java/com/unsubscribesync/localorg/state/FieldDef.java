package com.unsubscribesync.localorg.state;

import java.util.List;

/**
 * One field of an object as describe reports it. {@code updateable} is the field's own nature (system fields are
 * never updateable); field-level security may take more away per user.
 */
public record FieldDef(
        String name,
        String label,
        FieldType type,
        int length,
        boolean nillable,
        boolean createable,
        boolean updateable,
        boolean custom,
        boolean defaultedOnCreate,
        String referenceTo,
        String relationshipName,
        boolean nameField,
        List<String> picklistValues) {

    public static FieldDef id() {
        return new FieldDef(
                "Id", "Record ID", FieldType.ID, 18, false, false, false, false, true, null, null, false, List.of());
    }

    public static FieldDef text(String name, String label, int length, boolean required) {
        return new FieldDef(
                name,
                label,
                FieldType.STRING,
                length,
                !required,
                true,
                true,
                false,
                false,
                null,
                null,
                false,
                List.of());
    }

    public static FieldDef readOnlyText(String name, String label, int length) {
        return new FieldDef(
                name, label, FieldType.STRING, length, true, false, false, false, false, null, null, false, List.of());
    }

    public static FieldDef typed(String name, String label, FieldType type, int length) {
        return new FieldDef(name, label, type, length, true, true, true, false, false, null, null, false, List.of());
    }

    public static FieldDef checkbox(String name, String label, boolean editable, boolean custom) {
        return new FieldDef(
                name,
                label,
                FieldType.BOOLEAN,
                0,
                false,
                editable,
                editable,
                custom,
                true,
                null,
                null,
                false,
                List.of());
    }

    public static FieldDef systemDateTime(String name, String label) {
        return new FieldDef(
                name, label, FieldType.DATETIME, 0, false, false, false, false, true, null, null, false, List.of());
    }

    public static FieldDef systemDate(String name, String label) {
        return new FieldDef(
                name, label, FieldType.DATE, 0, true, false, false, false, false, null, null, false, List.of());
    }

    public static FieldDef reference(String name, String label, String target, String relationship) {
        return new FieldDef(
                name,
                label,
                FieldType.REFERENCE,
                18,
                true,
                false,
                false,
                false,
                false,
                target,
                relationship,
                false,
                List.of());
    }

    public static FieldDef picklist(String name, String label, boolean required, List<String> values) {
        return new FieldDef(
                name,
                label,
                FieldType.PICKLIST,
                40,
                !required,
                true,
                true,
                false,
                required,
                null,
                null,
                false,
                List.copyOf(values));
    }

    public FieldDef asNameField() {
        return new FieldDef(
                name,
                label,
                type,
                length,
                nillable,
                createable,
                updateable,
                custom,
                defaultedOnCreate,
                referenceTo,
                relationshipName,
                true,
                picklistValues);
    }

    public boolean isRelationship() {
        return relationshipName != null;
    }
}
