package com.unsubscribesync.localorg.state;

import java.util.List;
import java.util.Optional;

/** An object's fields and capabilities, in describe order. Field names match case-insensitively, as in SOQL. */
public record ObjectSchema(
        String name, String label, String labelPlural, String keyPrefix, List<FieldDef> fields, boolean dataObject) {

    public ObjectSchema {
        fields = List.copyOf(fields);
    }

    public Optional<FieldDef> field(String fieldName) {
        for (FieldDef field : fields) {
            if (field.name().equalsIgnoreCase(fieldName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    public Optional<FieldDef> relationship(String relationshipName) {
        for (FieldDef field : fields) {
            if (field.isRelationship() && field.relationshipName().equalsIgnoreCase(relationshipName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Lead and Contact hold data that can be created, changed, merged and replicated; the others are read-only. */
    public boolean isPersonObject() {
        return dataObject;
    }
}
