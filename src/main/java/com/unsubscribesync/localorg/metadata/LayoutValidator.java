package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.FieldType;
import com.unsubscribesync.localorg.state.ObjectSchema;
import com.unsubscribesync.localorg.state.SchemaCatalog;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a layout before it is saved: its object exists, every field it places exists on that object, no field
 * appears twice, no checkbox is Required and every section has a style.
 */
final class LayoutValidator {

    /** Why a layout was refused, as a metadata Error. */
    record Problem(String statusCode, String message, String field) {}

    private final SchemaCatalog catalog;

    LayoutValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<Problem> check(String fullName, XmlNode layout) {
        int dash = fullName == null ? -1 : fullName.indexOf('-');
        ObjectSchema object = dash <= 0
                ? null
                : catalog.object(fullName.substring(0, dash))
                        .filter(ObjectSchema::isPersonObject)
                        .orElse(null);
        if (object == null) {
            return Optional.of(new Problem(
                    "INVALID_CROSS_REFERENCE_KEY",
                    "In field: fullName - no CustomObject" + " named "
                            + (dash <= 0 ? fullName : fullName.substring(0, dash)) + " found",
                    "fullName"));
        }
        Set<String> placed = new HashSet<>();
        for (XmlNode section : layout.all("layoutSections")) {
            if (section.text("style") == null) {
                return Optional.of(
                        new Problem("REQUIRED_FIELD_MISSING", "Required field is missing: style", "layoutSections"));
            }
            for (XmlNode column : section.all("layoutColumns")) {
                for (XmlNode item : column.all("layoutItems")) {
                    String name = item.text("field");
                    if (name == null) {
                        continue;
                    }
                    FieldDef field = object.field(name).orElse(null);
                    if (field == null) {
                        return Optional.of(new Problem(
                                "INVALID_CROSS_REFERENCE_KEY",
                                "In field: field - no" + " CustomField named " + object.name() + "." + name + " found",
                                "layoutSections"));
                    }
                    if (!placed.add(field.name().toLowerCase(Locale.ROOT))) {
                        return Optional.of(new Problem(
                                "DUPLICATE_VALUE",
                                "Field " + field.name() + " is placed on" + " the layout more than once",
                                "layoutSections"));
                    }
                    if ("Required".equals(item.text("behavior")) && field.type() == FieldType.BOOLEAN) {
                        return Optional.of(new Problem(
                                "FIELD_INTEGRITY_EXCEPTION",
                                "Field " + field.name() + " is a checkbox and cannot be Required on a layout; use Edit",
                                "layoutSections"));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
