package com.unsubscribesync.ui.layouts;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/** The "?" in each wizard page's header: a note on what the page is for and what happens next. */
final class WizardHelp {
    private WizardHelp() {}

    /** The help for the page with this id (e.g. "overview-contact", "step-lead-3"). */
    static String text(String pageId) {
        if (pageId.startsWith("overview-")) {
            return "This page lists every page layout of the object and whether it shows the opt-out field. Sales "
                    + "users only see (and can tick) the field on layouts that have it. Next the app offers to add "
                    + "it for you, or tells you what to ask your Salesforce admin.";
        }
        if (pageId.startsWith("add-for-me-page-")) {
            return "Tick the layouts to change and press Preview to see where the field goes; nothing is written "
                    + "until you press Add it for me and confirm the org and layouts. The app keeps a copy of each "
                    + "layout first. Undo takes back the latest change, then the one before. Layouts that already "
                    + "have the field are marked done.";
        }
        if (pageId.startsWith("ask-admin-page-")) {
            return "The connected Salesforce user may not change page layouts (or the field cannot be placed), so "
                    + "the app writes what a Salesforce admin needs to do. Copy it into an email or a ticket.";
        }
        if (pageId.startsWith("check-page-")) {
            return "Check now reads the layouts from Salesforce again, at a cost of a few API calls (the line at the "
                    + "bottom says how many). Moving between pages reuses what was read, so it costs none.";
        }
        return "One step of doing it yourself in Salesforce Setup. The picture shows where to click; the button "
                + "opens the object's Page Layouts in your org. Next and Back move between the steps.";
    }

    static Button button(String pageId) {
        Button help = new Button("?");
        help.setId("help-" + pageId);
        help.getStyleClass().add("wizard-help-button");
        help.setAccessibleText("Help on this page");
        help.setTooltip(new Tooltip("What is this page for?"));
        help.setFocusTraversable(true);
        help.setOnAction(e -> show(help, text(pageId)));
        return help;
    }

    private static void show(Button near, String text) {
        Label words = new Label(text);
        words.setId("wizard-help-text");
        words.setWrapText(true);
        words.getStyleClass().add("wizard-help-text");
        VBox box = new VBox(words);
        box.getStyleClass().add("wizard-help");
        if (near.getScene() != null) {
            box.setStyle(near.getScene().getRoot().getStyle());
            box.getStylesheets().setAll(near.getScene().getRoot().getStylesheets());
        }
        PopOver popover = new PopOver(box);
        popover.setId("wizard-help-popover");
        popover.setTitle("About this page");
        popover.setHeaderAlwaysVisible(true);
        popover.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        popover.setDetachable(false);
        popover.show(near);
    }
}
