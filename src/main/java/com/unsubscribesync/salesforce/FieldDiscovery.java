package com.unsubscribesync.salesforce;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the chosen opt-out field in the describe of Lead and Contact. Describe shows only the fields the user may
 * read, so a field hidden by field-level security looks missing; {@code updateable} tells whether the user may
 * write it. The Marketo Sales Opt Out field's API name is not published, so it is found by its label among the
 * custom checkboxes, unless the admin gave the name.
 */
final class FieldDiscovery {

    FieldCheck check(OptOutFieldRequest request, DescribeSObjectResult[] described) {
        Map<SObjectType, FieldCheck.ObjectField> objects = new EnumMap<>(SObjectType.class);
        for (DescribeSObjectResult result : described) {
            SObjectType.ofApiName(result.getName())
                    .ifPresent(type -> objects.put(
                            type,
                            check(
                                    request,
                                    type,
                                    result.getFields() == null ? new Field[0] : result.getFields(),
                                    result.isUpdateable())));
        }
        return new FieldCheck(objects);
    }

    private FieldCheck.ObjectField check(
            OptOutFieldRequest request, SObjectType type, Field[] fields, boolean objectEditable) {
        FieldCheck.ObjectField field = check(request, type, fields);
        if (objectEditable || !field.exists() || !field.checkbox()) {
            return new FieldCheck.ObjectField(
                    field.apiName(),
                    field.exists(),
                    field.checkbox(),
                    field.updateable(),
                    field.problem(),
                    objectEditable);
        }
        return new FieldCheck.ObjectField(
                field.apiName(),
                true,
                true,
                false,
                Optional.of("The connected user may not "
                        + "edit " + type.apiName() + "s: give the user Edit on " + type.apiName()
                        + " in its profile or a "
                        + "permission set."),
                false);
    }

    private FieldCheck.ObjectField check(OptOutFieldRequest request, SObjectType type, Field[] fields) {
        String object = type.apiName();
        Optional<Field> found;
        String wanted;
        if (request.apiNameOverride().isPresent()) {
            wanted = request.apiNameOverride().get();
            found = byName(fields, wanted);
        } else if (request.field() == OptOutField.EMAIL_OPT_OUT) {
            wanted = OptOutField.EMAIL_OPT_OUT_API_NAME;
            found = byName(fields, wanted);
        } else {
            wanted = OptOutField.MARKETO_SALES_OPT_OUT_LABEL;
            List<Field> labelled = new ArrayList<>();
            for (Field field : fields) {
                if (field.isCustom()
                        && field.getType() == FieldType._boolean
                        && field.getLabel() != null
                        && field.getLabel().strip().equalsIgnoreCase(wanted)) {
                    labelled.add(field);
                }
            }
            if (labelled.size() > 1) {
                return new FieldCheck.ObjectField(
                        Optional.empty(),
                        true,
                        true,
                        false,
                        Optional.of(object + " has "
                                + labelled.size() + " checkboxes labelled '" + wanted
                                + "': give the right one's API name "
                                + "with 'settings set field-api-name=NAME'."));
            }
            found = labelled.stream().findFirst();
        }
        if (found.isEmpty()) {
            String how = request.apiNameOverride().isEmpty() && request.field() == OptOutField.MARKETO_SALES_OPT_OUT
                    ? "install the Marketo Sales Insight package, or give the field's API name with "
                            + "'settings set field-api-name=NAME'"
                    : "make the field visible to the connected user in field-level security";
            return new FieldCheck.ObjectField(
                    Optional.empty(),
                    false,
                    false,
                    false,
                    Optional.of(object + " has no field '" + wanted + "' the connected user can see: " + how + "."));
        }
        Field field = found.get();
        boolean checkbox = field.getType() == FieldType._boolean;
        boolean updateable = field.isUpdateable();
        Optional<String> problem = Optional.empty();
        if (!checkbox) {
            problem = Optional.of(object + "." + field.getName() + " is not a checkbox: choose another field.");
        } else if (!updateable) {
            problem = Optional.of(object + "." + field.getName() + " is read-only for the connected user: give "
                    + "the user Edit access to it in field-level security.");
        }
        return new FieldCheck.ObjectField(Optional.of(field.getName()), true, checkbox, updateable, problem);
    }

    private static Optional<Field> byName(Field[] fields, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Field field : fields) {
            if (field.getName() != null
                    && field.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
