package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.FieldSecurity;
import com.unsubscribesync.localorg.state.FieldType;
import com.unsubscribesync.localorg.state.ObjectSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an incoming sObject's field values into typed changes, with Salesforce's checks: unknown or hidden fields
 * fail the whole call, read-only ones fail the record, values must fit their type and length.
 */
final class RecordChanges {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Typed values to write, or the error that stops this record. */
    record Outcome(Map<FieldDef, Object> values, RecordError error) {}

    private final FieldSecurity security;

    RecordChanges(FieldSecurity security) {
        this.security = security;
    }

    /** Fails the call when a named field does not exist for this user. */
    void checkFieldsExist(ObjectSchema schema, SObjectInput input) {
        List<String> names = new ArrayList<>(input.values().keySet());
        names.addAll(input.fieldsToNull());
        unknownField(schema, names).ifPresent(name -> {
            throw SoapFault.query(
                    "InvalidFieldFault",
                    "INVALID_FIELD",
                    "No such column '" + name
                            + "' on entity '" + schema.name()
                            + "'. If you are attempting to use a custom field, be sure"
                            + " to append the '__c' after the custom field name. Please reference your WSDL or the"
                            + " describe call for the appropriate names.",
                    -1,
                    -1);
        });
    }

    /** The first name that is not a field of the object, or that field-level security hides from the user. */
    Optional<String> unknownField(ObjectSchema schema, Collection<String> names) {
        for (String name : names) {
            FieldDef field = schema.field(name).orElse(null);
            if (field == null || !security.visible(schema.name(), field.name())) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    Outcome read(ObjectSchema schema, SObjectInput input, boolean creating) {
        Map<FieldDef, Object> values = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, String> entry : input.values().entrySet()) {
            FieldDef field = schema.field(entry.getKey()).orElseThrow();
            if (field.name().equals("Id")) {
                continue;
            }
            if (!security.writable(schema.name(), field)) {
                readOnly.add(field.name());
                continue;
            }
            Object value = null;
            if (entry.getValue() != null) {
                try {
                    value = typed(field, entry.getValue());
                } catch (IllegalArgumentException e) {
                    return new Outcome(
                            Map.of(),
                            RecordError.of(
                                    e.getMessage().startsWith("STRING")
                                            ? "STRING_TOO_LONG"
                                            : e.getMessage().startsWith("EMAIL")
                                                    ? "INVALID_EMAIL_ADDRESS"
                                                    : "INVALID_TYPE_ON_FIELD_IN_RECORD",
                                    e.getMessage().substring(e.getMessage().indexOf(' ') + 1),
                                    field.name()));
                }
            }
            values.put(field, value);
        }
        for (String name : input.fieldsToNull()) {
            FieldDef field = schema.field(name).orElseThrow();
            if (!security.writable(schema.name(), field)) {
                readOnly.add(field.name());
            } else {
                values.put(field, field.type() == FieldType.BOOLEAN ? Boolean.FALSE : null);
            }
        }
        if (!readOnly.isEmpty()) {
            String list = String.join(", ", readOnly);
            return new Outcome(
                    Map.of(),
                    new RecordError(
                            "INVALID_FIELD_FOR_INSERT_UPDATE",
                            "Unable to create/update"
                                    + " fields: " + list
                                    + ". Please check the security settings of this field and verify that it is"
                                    + " read/write for your profile or permission set.",
                            readOnly));
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef field : schema.fields()) {
            boolean required = !field.nillable()
                    && field.createable()
                    && field.type() != FieldType.BOOLEAN
                    && !field.defaultedOnCreate();
            boolean blanked = values.containsKey(field)
                    && (values.get(field) == null
                            || values.get(field).toString().isBlank());
            if (required && (blanked || (creating && !values.containsKey(field)))) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            return new Outcome(
                    Map.of(),
                    new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
        }
        return new Outcome(values, null);
    }

    private static Object typed(FieldDef field, String text) {
        switch (field.type()) {
            case BOOLEAN -> {
                String t = text.trim();
                if (t.equals("true") || t.equals("1")) {
                    return Boolean.TRUE;
                }
                if (t.equals("false") || t.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("TYPE " + field.label() + ": value not of required type: " + text);
            }
            case EMAIL -> {
                String t = text.trim();
                if (t.isEmpty()) {
                    return null;
                }
                if (!EMAIL.matcher(t).matches()) {
                    throw new IllegalArgumentException("EMAIL " + field.label() + ": invalid email address: " + t);
                }
                return lengthChecked(field, t);
            }
            case STRING, PHONE, PICKLIST -> {
                return text.isEmpty() ? null : lengthChecked(field, text);
            }
            default ->
                throw new IllegalArgumentException("TYPE " + field.label() + ": value not of required type: " + text);
        }
    }

    private static String lengthChecked(FieldDef field, String text) {
        if (text.length() > field.length()) {
            throw new IllegalArgumentException("STRING " + field.label() + ": data value too large: "
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + " (max length=" + field.length()
                    + ")");
        }
        return text;
    }
}
