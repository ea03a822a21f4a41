package com.unsubscribesync.localorg.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects of this org. The Marketo Sales Insight field exists only while its package is installed. */
public final class SchemaCatalog {
    /** The package's opt-out field; clients must find it by its label, not by this name. */
    public static final String PACKAGE_OPT_OUT_FIELD = "mkto_si__Marketo_Sales_Opt_Out__c";

    public static final String PACKAGE_OPT_OUT_LABEL = "Marketo Sales Opt Out";
    public static final List<String> LEAD_STATUSES =
            List.of("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted");

    private final Map<String, ObjectSchema> objects = new LinkedHashMap<>();

    public SchemaCatalog(boolean packageInstalled) {
        add(person("Contact", "Contact", "Contacts", "003", packageInstalled, false));
        add(person("Lead", "Lead", "Leads", "00Q", packageInstalled, true));
        add(profile());
        add(user());
        add(userPermissionAccess());
        add(organization());
    }

    private static ObjectSchema organization() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(FieldDef.id());
        fields.add(FieldDef.readOnlyText("Name", "Name", 80).asNameField());
        fields.add(FieldDef.checkbox("IsSandbox", "Is Sandbox", false, false));
        fields.add(FieldDef.readOnlyText("OrganizationType", "Edition", 40));
        return new ObjectSchema(
                "Organization", "Organization", "Organizations", OrganizationTable.PREFIX, fields, false);
    }

    private void add(ObjectSchema schema) {
        objects.put(schema.name().toLowerCase(java.util.Locale.ROOT), schema);
    }

    public Optional<ObjectSchema> object(String name) {
        return Optional.ofNullable(objects.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<ObjectSchema> all() {
        return List.copyOf(objects.values());
    }

    private static ObjectSchema person(
            String name, String label, String plural, String prefix, boolean packageInstalled, boolean lead) {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(FieldDef.id());
        fields.add(FieldDef.checkbox("IsDeleted", "Deleted", false, false));
        fields.add(FieldDef.reference("MasterRecordId", "Master Record ID", name, "MasterRecord"));
        fields.add(FieldDef.text("LastName", "Last Name", 80, true));
        fields.add(FieldDef.text("FirstName", "First Name", 40, false));
        fields.add(FieldDef.readOnlyText("Name", "Full Name", 121).asNameField());
        fields.add(FieldDef.text("Title", "Title", 128, false));
        if (lead) {
            fields.add(FieldDef.text("Company", "Company", 255, true));
        }
        fields.add(FieldDef.typed("Phone", lead ? "Phone" : "Business Phone", FieldType.PHONE, 40));
        fields.add(FieldDef.typed("Email", "Email", FieldType.EMAIL, 80));
        fields.add(FieldDef.checkbox("HasOptedOutOfEmail", "Email Opt Out", true, false));
        if (lead) {
            fields.add(FieldDef.picklist("Status", "Lead Status", true, LEAD_STATUSES));
            fields.add(FieldDef.checkbox("IsConverted", "Converted", false, false));
            fields.add(FieldDef.systemDate("ConvertedDate", "Converted Date"));
            fields.add(FieldDef.reference("ConvertedContactId", "Converted Contact ID", "Contact", "ConvertedContact"));
        }
        fields.add(FieldDef.systemDateTime("CreatedDate", "Created Date"));
        fields.add(FieldDef.systemDateTime("LastModifiedDate", "Last Modified Date"));
        fields.add(FieldDef.systemDateTime("SystemModstamp", "System Modstamp"));
        if (packageInstalled) {
            fields.add(FieldDef.checkbox(PACKAGE_OPT_OUT_FIELD, PACKAGE_OPT_OUT_LABEL, true, true));
        }
        return new ObjectSchema(name, label, plural, prefix, fields, true);
    }

    private static ObjectSchema profile() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(FieldDef.id());
        fields.add(FieldDef.readOnlyText("Name", "Name", 255).asNameField());
        permissionFields(fields);
        fields.add(FieldDef.systemDateTime("LastModifiedDate", "Last Modified Date"));
        fields.add(FieldDef.systemDateTime("SystemModstamp", "System Modstamp"));
        return new ObjectSchema("Profile", "Profile", "Profile", "00e", fields, false);
    }

    private static ObjectSchema user() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(FieldDef.id());
        fields.add(FieldDef.readOnlyText("Username", "Username", 80));
        fields.add(FieldDef.readOnlyText("LastName", "Last Name", 80));
        fields.add(FieldDef.readOnlyText("FirstName", "First Name", 40));
        fields.add(FieldDef.readOnlyText("Name", "Full Name", 121).asNameField());
        fields.add(new FieldDef(
                "Email",
                "Email",
                FieldType.EMAIL,
                128,
                false,
                false,
                false,
                false,
                false,
                null,
                null,
                false,
                List.of()));
        fields.add(FieldDef.checkbox("IsActive", "Active", false, false));
        fields.add(FieldDef.reference("ProfileId", "Profile ID", "Profile", "Profile"));
        fields.add(FieldDef.readOnlyText("UserType", "User Type", 40));
        fields.add(FieldDef.systemDateTime("LastModifiedDate", "Last Modified Date"));
        fields.add(FieldDef.systemDateTime("SystemModstamp", "System Modstamp"));
        return new ObjectSchema("User", "User", "Users", "005", fields, false);
    }

    private static ObjectSchema userPermissionAccess() {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(FieldDef.id());
        permissionFields(fields);
        return new ObjectSchema(
                "UserPermissionAccess", "User Permission Access", "User Permission Access", null, fields, false);
    }

    private static void permissionFields(List<FieldDef> fields) {
        for (Permission permission : Permission.values()) {
            fields.add(FieldDef.checkbox(permission.fieldName(), permission.label(), false, false));
        }
    }
}
