package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import java.util.List;

/**
 * A change to page layouts the admin confirms before it is made: which org (name, user, address), which layouts,
 * and whether the org is production.
 */
public record LayoutWrite(
        Kind kind,
        SObjectType object,
        List<String> layouts,
        String organizationName,
        String userName,
        String instanceUrl,
        boolean production) {

    public enum Kind {
        ADD,
        UNDO
    }

    public LayoutWrite {
        layouts = List.copyOf(layouts);
    }

    public String title() {
        return kind == Kind.ADD ? "Add the field to page layouts?" : "Undo the change to page layouts?";
    }

    /** What will be done where, in one sentence. */
    public String what() {
        String count = layouts.size() == 1
                ? "1 " + object.apiName() + " page layout"
                : layouts.size() + " " + object.apiName() + " page layouts";
        return (kind == Kind.ADD
                        ? "The app will save " + count + " with the opt-out field added"
                        : "The app will restore " + count + " as they were before the app changed them")
                + " in the org " + organizationName + " (" + userName + ", " + instanceUrl + "):";
    }

    /** The warning a production org gets; empty for a sandbox. */
    public String productionWarning() {
        return production
                ? "This is a production org, not a sandbox: every user sees the changed layouts at once."
                : "";
    }

    public String confirmLabel() {
        String count = layouts.size() == 1 ? "1 layout" : layouts.size() + " layouts";
        return kind == Kind.ADD ? "Add to " + count : "Restore " + count;
    }
}
