package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.ui.Cards;
import java.util.Locale;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** Which layouts of the object already have the field, what stands in the way, and what comes next. */
final class OverviewPage {
    private OverviewPage() {}

    static WizardPane of(SObjectType type, LayoutWizardModel model, String stylesheet) {
        VBox body = new VBox(12);
        WizardPane page = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                model.of(type).ifPresent(object -> draw(body, object, model.canModifyLayouts()));
            }
        };
        Pages.styled(
                page,
                stylesheet,
                "overview-" + type.apiName().toLowerCase(Locale.ROOT),
                type.apiName() + ": which page layouts show the opt-out field?",
                body,
                Pages.status(model, type));
        return page;
    }

    private static void draw(VBox body, ObjectLayouts object, boolean canModify) {
        body.getChildren()
                .setAll(
                        Cards.text(
                                "Field: " + object.fieldLabel()
                                        + object.fieldApiName()
                                                .map(api -> " (" + api + ")")
                                                .orElse(""),
                                "requirement-title"),
                        Pages.layoutList(object));
        Pages.fieldWarning(object).ifPresent(body.getChildren()::add);
        object.problem()
                .filter(p -> object.visibility() == com.unsubscribesync.layout.FieldVisibility.EDITABLE)
                .ifPresent(p -> body.getChildren().add(Cards.text(p, "warning")));
        String next;
        if (object.onEveryLayout().orElse(false)) {
            next = "The field is on every " + object.object().apiName() + " layout: nothing to do here.";
        } else if (!Pages.placeable(object)) {
            next = "Next: what to ask your Salesforce admin.";
        } else if (canModify) {
            next = "Next: the app can add the field for you (you see where first, and can undo it), or walk you "
                    + "through doing it yourself in Setup.";
        } else {
            next = "You may not change page layouts. Next: what to ask your Salesforce admin, then the steps to do "
                    + "it in Setup.";
        }
        body.getChildren().add(Cards.note(next));
    }
}
