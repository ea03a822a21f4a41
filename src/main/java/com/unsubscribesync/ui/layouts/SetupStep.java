package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;

/** The product doc's manual steps for putting the opt-out field on an object's page layouts, one wizard page each. */
public enum SetupStep {
    LOG_IN(
            "Log in as a Salesforce admin",
            "Log in to Salesforce as a user who may customise the org (a " + "System Administrator)."),
    SETUP("Open Setup", "Click the gear at the top right, then Setup."),
    QUICK_FIND("Find the object", "In Quick Find, type \"%s\" and open %s › Page Layouts."),
    PAGE_LAYOUTS(
            "Open a page layout",
            "Click Edit beside a layout your team uses. Each layout the overview marks as "
                    + "missing needs the field."),
    DRAG_FIELD(
            "Drag the field onto the layout",
            "In the palette at the top, choose Fields, then drag \"%s\" " + "into a section of the layout."),
    SAVE(
            "Save",
            "Click Save. Repeat for every other %s layout that lacks the field, then come back here and " + "check.");

    private final String title;
    private final String instruction;

    SetupStep(String title, String instruction) {
        this.title = title;
        this.instruction = instruction;
    }

    public String title() {
        return title;
    }

    /** The instruction for this object and field, as the page shows it. */
    public String instruction(SObjectType type, String fieldLabel) {
        return switch (this) {
            case QUICK_FIND -> instruction.formatted(type.apiName(), type.apiName());
            case DRAG_FIELD -> instruction.formatted(fieldLabel);
            case SAVE -> instruction.formatted(type.apiName());
            default -> instruction;
        };
    }

    /** The file name of the step's picture in assets/wizard. */
    public String pictureName() {
        return (ordinal() + 1) + "-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png";
    }
}
