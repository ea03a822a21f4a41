package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.state.SchemaCatalog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layouts a new org starts with: two or three per object, some with the opt-out checkbox and some without, one
 * with a percent-encoded name as Salesforce gives names with brackets, and with the Marketo Sales Insight package
 * installed, one packaged layout per object that has the package's opt-out field but not Email Opt Out.
 */
final class DefaultLayouts {
    /** The Marketo Sales Insight managed package's namespace. */
    static final String PACKAGE_NAMESPACE = "mkto_si";

    private DefaultLayouts() {}

    static Map<String, String> documents(boolean packageInstalled) {
        String packageItem = packageInstalled ? item("Edit", SchemaCatalog.PACKAGE_OPT_OUT_FIELD) : "";
        Map<String, String> layouts = new LinkedHashMap<>();
        layouts.put(
                "Contact-Contact Layout",
                layout(section(
                                "Contact Information",
                                item("Required", "Name") + item("Edit", "Title"),
                                item("Edit", "Email") + item("Edit", "Phone"))
                        + section(
                                "System Information",
                                item("Readonly", "CreatedDate"),
                                item("Readonly", "LastModifiedDate"))));
        layouts.put(
                "Contact-Marketing Contact Layout",
                layout(section(
                                "Contact Information",
                                item("Required", "Name") + item("Edit", "Email"),
                                item("Edit", "Title"))
                        + section("Email Preferences", item("Edit", "HasOptedOutOfEmail") + packageItem, "")));
        layouts.put(
                "Lead-Lead Layout",
                layout(section(
                                "Lead Information",
                                item("Required", "Name") + item("Required", "Company") + item("Edit", "Email"),
                                item("Required", "Status") + item("Edit", "Phone"))
                        + section("Email Preferences", item("Edit", "HasOptedOutOfEmail"), "")));
        layouts.put(
                "Lead-Sales Lead Layout",
                layout(section(
                        "Lead Information",
                        item("Required", "Name") + item("Required", "Company"),
                        item("Required", "Status") + item("Edit", "Email"))));
        layouts.put(
                "Lead-Lead %28Marketing%29 Layout",
                layout(section(
                                "Lead Information",
                                item("Required", "Name") + item("Required", "Company") + item("Edit", "Email"),
                                item("Required", "Status"))
                        + section("Marketing", item("Edit", "HasOptedOutOfEmail") + packageItem, "")));
        if (packageInstalled) {
            // The package's own layouts: listed without their namespace, read and saved only with it.
            layouts.put(
                    "Contact-" + PACKAGE_NAMESPACE + "__MSI Contact Layout",
                    layout(section(
                                    "Contact Information",
                                    item("Required", "Name") + item("Edit", "Title") + item("Edit", "Phone"),
                                    item("Edit", "Email"))
                            + section("Marketo Sales Insight", item("Edit", SchemaCatalog.PACKAGE_OPT_OUT_FIELD), "")));
            layouts.put(
                    "Lead-" + PACKAGE_NAMESPACE + "__MSI Lead Layout",
                    layout(section(
                                    "Lead Information",
                                    item("Required", "Name") + item("Required", "Company") + item("Edit", "Email"),
                                    item("Required", "Status") + item("Edit", "Phone"))
                            + section("Marketo Sales Insight", item("Edit", SchemaCatalog.PACKAGE_OPT_OUT_FIELD), "")));
        }
        return layouts;
    }

    private static String layout(String sections) {
        return "<Layout xmlns=\"http://soap.sforce.com/2006/04/metadata\">" + sections
                + "<showEmailCheckbox>false</showEmailCheckbox><showHighlightsPanel>false</showHighlightsPanel>"
                + "<showInteractionLogPanel>false</showInteractionLogPanel>"
                + "<showRunAssignmentRulesCheckbox>false</showRunAssignmentRulesCheckbox>"
                + "<showSubmitAndAttachButton>false</showSubmitAndAttachButton></Layout>";
    }

    private static String section(String label, String left, String right) {
        return "<layoutSections><customLabel>false</customLabel><detailHeading>true</detailHeading>"
                + "<editHeading>true</editHeading><label>" + label + "</label>" + column(left) + column(right)
                + "<style>TwoColumnsTopToBottom</style></layoutSections>";
    }

    private static String column(String items) {
        return items.isEmpty() ? "<layoutColumns/>" : "<layoutColumns>" + items + "</layoutColumns>";
    }

    private static String item(String behavior, String field) {
        return "<layoutItems><behavior>" + behavior + "</behavior><field>" + field + "</field></layoutItems>";
    }
}
