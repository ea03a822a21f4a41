package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.FieldType;
import com.unsubscribesync.localorg.state.ObjectSchema;
import com.unsubscribesync.localorg.state.OrgState;
import java.util.ArrayList;
import java.util.List;

/**
 * describeGlobal, describeSObject and describeSObjects. Elements follow the WSDL sequences; fields the user cannot
 * see are left out and read-only ones are reported not createable or updateable, as field-level security does. An
 * object the user may only read is not createable, updateable or deletable, and neither is any of its fields: the
 * object permission wins over field-level security.
 */
final class DescribeOperations {
    private static final int MAX_TYPES = 100;

    private final OrgState state;

    DescribeOperations(OrgState state) {
        this.state = state;
    }

    void describeGlobal(XmlNode request, CallContext context, XmlOut out) {
        out.open("result").leaf("encoding", "UTF-8").leaf("maxBatchSize", 200);
        for (ObjectSchema schema : state.catalog().all()) {
            boolean data = schema.isPersonObject();
            boolean editable = editable(schema);
            out.open("sobjects")
                    .leaf("activateable", false)
                    .nil("associateEntityType")
                    .nil("associateParentEntity")
                    .leaf("createable", editable)
                    .leaf("custom", false)
                    .leaf("customSetting", false)
                    .leaf("dataTranslationEnabled", false)
                    .leaf("deepCloneable", false)
                    .leaf("deletable", editable)
                    .leaf("deprecatedAndHidden", false)
                    .leaf("feedEnabled", data)
                    .leaf("hasSubtypes", false)
                    .leaf("idEnabled", schema.keyPrefix() != null);
            namesAndAbilities(out, schema)
                    .leaf("queryable", true)
                    .leaf("replicateable", data)
                    .leaf("retrieveable", schema.keyPrefix() != null)
                    .leaf("searchable", data)
                    .leaf("triggerable", data)
                    .leaf("undeletable", editable)
                    .leaf("updateable", editable)
                    .close();
        }
        out.close();
    }

    void describeSObject(XmlNode request, CallContext context, XmlOut out) {
        ObjectSchema schema = schemaOf(request.text("sObjectType"));
        state.atomically(() -> describe(out, schema));
    }

    void describeSObjects(XmlNode request, CallContext context, XmlOut out) {
        List<String> names = request.texts("sObjectType");
        if (names.size() > MAX_TYPES) {
            throw SoapFault.unexpected(
                    "EXCEEDED_MAX_TYPES_LIMIT", "describeSObjects accepts at most " + MAX_TYPES + " types per call");
        }
        List<ObjectSchema> schemas = new ArrayList<>();
        for (String name : names) {
            schemas.add(schemaOf(name));
        }
        state.atomically(() -> schemas.forEach(schema -> describe(out, schema)));
    }

    private ObjectSchema schemaOf(String name) {
        return state.catalog()
                .object(name == null ? "" : name)
                .orElseThrow(() -> SoapFault.query(
                        "InvalidSObjectFault",
                        "INVALID_TYPE",
                        "sObject type '" + name + "' is not supported.",
                        -1,
                        -1));
    }

    /** Lead and Contact when the user's object permission includes Edit; the other objects are never editable. */
    private boolean editable(ObjectSchema schema) {
        return schema.isPersonObject() && state.objectSecurity().editable(schema.name());
    }

    private void describe(XmlOut out, ObjectSchema schema) {
        boolean data = schema.isPersonObject();
        boolean editable = editable(schema);
        out.open("result")
                .leaf("activateable", false)
                .nil("associateEntityType")
                .nil("associateParentEntity")
                .leaf("compactLayoutable", data)
                .leaf("createable", editable)
                .leaf("custom", false)
                .leaf("customSetting", false)
                .leaf("dataTranslationEnabled", false)
                .leaf("deepCloneable", false)
                .nil("defaultImplementation")
                .leaf("deletable", editable)
                .leaf("deprecatedAndHidden", false)
                .leaf("feedEnabled", data);
        for (FieldDef field : schema.fields()) {
            FieldAccess access = state.fieldSecurity().access(schema.name(), field.name());
            if (access != FieldAccess.HIDDEN) {
                field(out, field, access == FieldAccess.EDITABLE && (editable || !data));
            }
        }
        out.leaf("hasSubtypes", false)
                .leaf("idEnabled", schema.keyPrefix() != null)
                .nil("implementedBy")
                .nil("implementsInterfaces");
        namesAndAbilities(out, schema).nil("networkScopeFieldName").leaf("queryable", true);
        if (data) {
            out.open("recordTypeInfos")
                    .leaf("active", true)
                    .leaf("available", true)
                    .leaf("defaultRecordTypeMapping", true)
                    .leaf("developerName", "Master")
                    .leaf("master", true)
                    .leaf("name", "Master")
                    .leaf("recordTypeId", "012000000000000AAA")
                    .close();
        }
        String prefix = schema.keyPrefix();
        out.leaf("replicateable", data)
                .leaf("retrieveable", prefix != null)
                .leaf("searchLayoutable", data)
                .leaf("searchable", data)
                .leaf("triggerable", data)
                .leaf("undeletable", editable)
                .leaf("updateable", editable)
                .leaf("urlDetail", data ? "/{ID}" : null)
                .leaf("urlEdit", data ? "/{ID}/e" : null)
                .leaf("urlNew", data ? "/" + prefix + "/e" : null)
                .close();
    }

    /** The stretch, from isInterface to name, that both the global and the full describe result list in this order. */
    private static XmlOut namesAndAbilities(XmlOut out, ObjectSchema schema) {
        boolean data = schema.isPersonObject();
        return out.leaf("isInterface", false)
                .leaf("isSubtype", false)
                .leaf("keyPrefix", schema.keyPrefix())
                .leaf("label", schema.label())
                .leaf("labelPlural", schema.labelPlural())
                .leaf("layoutable", data)
                .leaf("mergeable", data)
                .leaf("mruEnabled", data)
                .leaf("name", schema.name());
    }

    private static void field(XmlOut out, FieldDef field, boolean editable) {
        FieldType type = field.type();
        boolean text = type.isText();
        out.open("fields")
                .leaf("aggregatable", type != FieldType.BOOLEAN)
                .leaf("aiPredictionField", false)
                .leaf("autoNumber", false)
                .leaf("byteLength", text ? field.length() * 3 : type.isId() ? 18 : 0)
                .leaf("calculated", false)
                .leaf("caseSensitive", false)
                .leaf("createable", field.createable() && editable)
                .leaf("custom", field.custom());
        if (type == FieldType.BOOLEAN) {
            out.leaf("defaultValue", "false", "xsi:type", "xsd:boolean");
        }
        out.leaf("defaultedOnCreate", field.defaultedOnCreate())
                .leaf("deprecatedAndHidden", false)
                .leaf("digits", 0)
                .leaf("filterable", true)
                .leaf("groupable", type != FieldType.DATETIME)
                .leaf("idLookup", field.name().equals("Id") || type == FieldType.EMAIL)
                .leaf("label", field.label())
                .leaf("length", text || type.isId() ? field.length() : 0)
                .leaf("name", field.name())
                .leaf("nameField", field.nameField())
                .leaf("namePointing", false)
                .leaf("nillable", field.nillable())
                .leaf("permissionable", field.nillable() || (type == FieldType.BOOLEAN && field.updateable()));
        for (String value : field.picklistValues()) {
            out.open("picklistValues")
                    .leaf("active", true)
                    .leaf("defaultValue", value.equals(field.picklistValues().get(0)))
                    .leaf("label", value)
                    .leaf("value", value)
                    .close();
        }
        out.leaf("polymorphicForeignKey", false).leaf("precision", 0).leaf("queryByDistance", false);
        if (field.referenceTo() != null) {
            out.leaf("referenceTo", field.referenceTo()).leaf("relationshipName", field.relationshipName());
        }
        out.leaf("restrictedPicklist", false)
                .leaf("scale", 0)
                .leaf("searchPrefilterable", false)
                .leaf("soapType", type.soapType())
                .leaf("sortable", true)
                .leaf("type", type.describeName())
                .leaf("unique", false)
                .leaf("updateable", field.updateable() && editable)
                .close();
    }
}
