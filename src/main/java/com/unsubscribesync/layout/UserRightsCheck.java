package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.IntegrationUserRights.Need;
import com.unsubscribesync.layout.IntegrationUserRights.Right;
import com.unsubscribesync.layout.IntegrationUserRights.Status;
import com.unsubscribesync.salesforce.FieldCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells the integration user's rights from what the app reads anyway: the describe of Lead and Contact (the
 * object's and the field's {@code updateable}) and the user's permissions from {@code UserPermissionAccess} (as
 * the layout inspection reads them). It makes no call of its own. Describe reports every field of an object the
 * user may only read as read-only, so field-level security is told only where the object is editable.
 */
public final class UserRightsCheck {
    private static final String PERMISSION_SETUP =
            "Setup > Users > Profiles > the user's profile (or a permission " + "set assigned to the user)";

    private UserRightsCheck() {}

    /** Salesforce refused the API to the user: that is the missing right, and nothing else can be told. */
    public static IntegrationUserRights apiDisabled(SyncSettings settings) {
        String label = FieldOnObject.label(settings.field());
        String later = "Checked once the user has API Enabled.";
        List<Right> rights = new ArrayList<>();
        rights.add(missing(
                Need.API_ENABLED,
                label,
                "Turn on \"API Enabled\" for the Salesforce user the app "
                        + "connects as, without which Salesforce refuses every call of the app: " + PERMISSION_SETUP
                        + " > System Permissions > API Enabled."));
        for (Need need : List.of(Need.EDIT_LEADS, Need.EDIT_CONTACTS, Need.EDIT_FIELD, Need.MODIFY_METADATA)) {
            rights.add(unknown(need, label, later));
        }
        return new IntegrationUserRights(Optional.empty(), rights);
    }

    /**
     * @param check  the describe of Lead and Contact, made by a call that succeeded (so the API is enabled)
     * @param layout the user's layout permissions; empty when they could not be read
     */
    public static IntegrationUserRights of(
            String userName, FieldCheck check, SyncSettings settings, Optional<LayoutRights> layout) {
        String label = FieldOnObject.label(settings.field());
        List<Right> rights = new ArrayList<>();
        rights.add(granted(Need.API_ENABLED, label));
        rights.add(objectEdit(Need.EDIT_LEADS, SObjectType.LEAD, check, userName));
        rights.add(objectEdit(Need.EDIT_CONTACTS, SObjectType.CONTACT, check, userName));
        rights.add(fieldEdit(check, settings, userName));
        rights.add(layout.map(r -> r.canModifyLayouts()
                        ? granted(Need.MODIFY_METADATA, label)
                        : missing(
                                Need.MODIFY_METADATA,
                                label,
                                "Give " + userName + " the permission "
                                        + r.missingPermissions() + ", so that the app can add the "
                                        + "field to page layouts itself (only needed for Add it for me): "
                                        + PERMISSION_SETUP
                                        + " > System Permissions."))
                .orElseGet(() -> unknown(
                        Need.MODIFY_METADATA, label, "Salesforce did not say; the layout wizard " + "checks again.")));
        return new IntegrationUserRights(Optional.of(userName), rights);
    }

    private static Right objectEdit(Need need, SObjectType type, FieldCheck check, String userName) {
        FieldCheck.ObjectField described = check.objects().get(type);
        if (described == null) {
            return unknown(need, "", "Salesforce did not describe " + type.apiName() + ".");
        }
        if (described.objectEditable()) {
            return granted(need, "");
        }
        return missing(
                need,
                "",
                "Give " + userName + " Edit on " + plural(type) + ": " + PERMISSION_SETUP + " > Object Settings > "
                        + plural(type) + " > Edit, tick Read and Edit, Save.");
    }

    private static Right fieldEdit(FieldCheck check, SyncSettings settings, String userName) {
        String label = FieldOnObject.label(settings.field());
        List<FieldOnObject> missing = new ArrayList<>();
        List<SObjectType> objectNotEditable = new ArrayList<>();
        boolean ambiguous = false;
        for (SObjectType type : List.of(SObjectType.LEAD, SObjectType.CONTACT)) {
            FieldCheck.ObjectField described = check.objects().get(type);
            FieldOnObject field = FieldOnObject.from(check, type, settings);
            if (described == null || !described.objectEditable()) {
                objectNotEditable.add(type);
            } else if (field.visibility() == FieldVisibility.AMBIGUOUS) {
                ambiguous = true;
            } else if (!described.exists() || !described.updateable()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return missing(Need.EDIT_FIELD, label, fieldRequest(missing, label, userName));
        }
        Optional<String> unknownBecause = ambiguous
                ? Optional.of("Checked once the field's API name is set ('settings set field-api-name=NAME').")
                : objectNotEditable.isEmpty()
                        ? Optional.empty()
                        : Optional.of("Checked on "
                                + objectNotEditable.stream()
                                        .map(UserRightsCheck::plural)
                                        .collect(Collectors.joining(" and "))
                                + " once the user can edit them.");
        return unknownBecause
                .map(note -> unknown(Need.EDIT_FIELD, label, note))
                .orElseGet(() -> granted(Need.EDIT_FIELD, label));
    }

    private static String fieldRequest(List<FieldOnObject> missing, String label, String userName) {
        String objects = missing.stream().map(f -> f.object().apiName()).collect(Collectors.joining(" and "));
        String apiName = missing.get(0).apiName().map(name -> " (" + name + ")").orElse("");
        String steps = "Setup > Object Manager > " + missing.get(0).object().apiName() + " > Fields & Relationships > "
                + label + " > Set Field-Level Security > tick Visible and clear Read-Only for the user's profile"
                + (missing.size() > 1
                        ? " (the same on " + missing.get(1).object().apiName() + ")"
                        : "") + ".";
        String request = "Give " + userName + " Edit access to the field \"" + label + "\"" + apiName + " on " + objects
                + ": " + steps;
        if (missing.stream().anyMatch(f -> f.visibility() == FieldVisibility.PACKAGE_NOT_INSTALLED)) {
            return "Install the Marketo Sales Insight package from the AppExchange if it is not installed; if it is, "
                    + Character.toLowerCase(request.charAt(0)) + request.substring(1);
        }
        return request;
    }

    private static Right granted(Need need, String label) {
        return new Right(need, title(need, label), Status.GRANTED, Optional.empty(), Optional.empty());
    }

    private static Right unknown(Need need, String label, String why) {
        return new Right(need, title(need, label), Status.UNKNOWN, Optional.empty(), Optional.of(why));
    }

    private static Right missing(Need need, String label, String askAdmin) {
        return new Right(need, title(need, label), Status.MISSING, Optional.of(askAdmin), Optional.empty());
    }

    static String title(Need need, String fieldLabel) {
        return switch (need) {
            case API_ENABLED -> "API Enabled";
            case EDIT_LEADS -> "Edit on Leads";
            case EDIT_CONTACTS -> "Edit on Contacts";
            case EDIT_FIELD -> "Edit access to " + fieldLabel + " on Leads and Contacts";
            case MODIFY_METADATA -> "Customize Application and Modify Metadata (only for Add it for me)";
        };
    }

    private static String plural(SObjectType type) {
        return type.apiName() + "s";
    }
}
