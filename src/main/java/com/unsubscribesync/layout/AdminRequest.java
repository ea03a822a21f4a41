package com.unsubscribesync.layout;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The message a user without the permission sends to their Salesforce admin: what to add to which layouts, the
 * Setup steps of the product documentation, the field-level security to fix, and the permission that would let
 * the app do it.
 */
final class AdminRequest {
    private AdminRequest() {}

    static String write(String organizationName, LayoutRights rights, ObjectLayouts object) {
        String name = object.object().apiName();
        String field = "\"" + object.fieldLabel() + "\""
                + object.fieldApiName().map(api -> " (" + api + ")").orElse("");
        List<LayoutState> missing = object.missing();
        String which = !object.layoutsReadable()
                ? "every " + name + " page layout that does not show it yet"
                : "these " + name + " page layouts: "
                        + missing.stream().map(LayoutState::label).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder();
        text.append("Hello,\n\n");
        if (object.visibility() == FieldVisibility.PACKAGE_NOT_INSTALLED) {
            text.append("Unsubscribe Sync needs the ")
                    .append(field)
                    .append(" field on ")
                    .append(name)
                    .append(" in our Salesforce org \"")
                    .append(organizationName)
                    .append("\", but it is not there. ")
                    .append("Could you install the Marketo Sales Insight package from the AppExchange (or, if it is ")
                    .append("installed, give ")
                    .append(rights.userName())
                    .append(" Visible and Edit access to the field)?\n\n");
        } else {
            text.append("could you add the ")
                    .append(field)
                    .append(" field to ")
                    .append(which)
                    .append(", in our Salesforce org \"")
                    .append(organizationName)
                    .append("\"?\n\n")
                    .append("Setup > Object Manager > ")
                    .append(name)
                    .append(" > Page Layouts > Edit beside the ")
                    .append("layout > Fields > drag \"")
                    .append(object.fieldLabel())
                    .append("\" onto the layout > Save.\n")
                    .append("Page Layouts: ")
                    .append(object.setupUrl())
                    .append("\n\n");
        }
        if (object.visibility() == FieldVisibility.HIDDEN || object.visibility() == FieldVisibility.READ_ONLY) {
            text.append("Please also give ")
                    .append(rights.userName())
                    .append(" Visible and Edit access to ")
                    .append(field)
                    .append(" on ")
                    .append(name)
                    .append(" in field-level security.\n\n");
        }
        text.append("Alternatively, give ")
                .append(rights.userName())
                .append(" the permission ")
                .append(rights.missingPermissions())
                .append(", and Unsubscribe Sync will add the ")
                .append("field itself, keeping a backup of each layout so the change can be undone.\n\nThank you.");
        return text.toString();
    }
}
