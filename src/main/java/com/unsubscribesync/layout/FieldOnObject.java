package com.unsubscribesync.layout;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import java.util.Optional;

/**
 * The chosen opt-out field on one object, read from describe. Describe leaves out what field-level security hides,
 * so a standard field that is missing is hidden, and a missing package field means the package is not installed
 * (or hides the field: the same sentence covers both).
 */
record FieldOnObject(
        SObjectType object,
        String label,
        Optional<String> apiName,
        FieldVisibility visibility,
        Optional<String> problem) {

    static String label(OptOutField field) {
        return field == OptOutField.EMAIL_OPT_OUT ? "Email Opt Out" : OptOutField.MARKETO_SALES_OPT_OUT_LABEL;
    }

    /** The API name the admin gave for the package field, which is the only field it overrides. */
    static Optional<String> override(SyncSettings settings) {
        return OptOutFieldRequest.of(settings).apiNameOverride();
    }

    static FieldOnObject from(FieldCheck check, SObjectType type, SyncSettings settings) {
        String label = label(settings.field());
        String object = type.apiName();
        FieldCheck.ObjectField found = check.objects().get(type);
        Optional<String> override = override(settings);
        if (found == null) {
            return new FieldOnObject(
                    type,
                    label,
                    Optional.empty(),
                    FieldVisibility.NOT_FOUND,
                    Optional.of("Salesforce did not describe " + object + ": check that the connected user can see "
                            + object + " records."));
        }
        if (found.exists()) {
            FieldVisibility visibility = found.apiName().isEmpty()
                    ? FieldVisibility.AMBIGUOUS
                    : !found.checkbox()
                            ? FieldVisibility.NOT_A_CHECKBOX
                            : !found.updateable() ? FieldVisibility.READ_ONLY : FieldVisibility.EDITABLE;
            return new FieldOnObject(type, label, found.apiName(), visibility, found.problem());
        }
        if (override.isPresent()) {
            return new FieldOnObject(
                    type,
                    label,
                    override,
                    FieldVisibility.NOT_FOUND,
                    Optional.of(object
                            + " has no field " + override.get()
                            + " the connected user can see: check the name given with "
                            + "'field-api-name', or give the user access to the field in field-level security."));
        }
        if (settings.field() == OptOutField.EMAIL_OPT_OUT) {
            return hidden(type, label, OptOutField.EMAIL_OPT_OUT_API_NAME);
        }
        return new FieldOnObject(
                type,
                label,
                Optional.empty(),
                FieldVisibility.PACKAGE_NOT_INSTALLED,
                Optional.of("No " + label + " field is visible on " + object
                        + ": install the Marketo Sales Insight package "
                        + "from the AppExchange, or, if it is installed, give the connected user access to the "
                        + "field in field-level security."));
    }

    /** A field that is on a layout although describe does not show it: field-level security hides it. */
    FieldOnObject hiddenAfterAll() {
        return visibility == FieldVisibility.NOT_FOUND && apiName.isPresent()
                ? hidden(object, label, apiName.get())
                : this;
    }

    private static FieldOnObject hidden(SObjectType type, String label, String apiName) {
        return new FieldOnObject(
                type,
                label,
                Optional.of(apiName),
                FieldVisibility.HIDDEN,
                Optional.of(type.apiName() + "." + apiName + " (" + label
                        + ") is hidden from the connected user by field-level "
                        + "security: give the user's profile Visible and Edit access to it on " + type.apiName()
                        + "."));
    }
}
