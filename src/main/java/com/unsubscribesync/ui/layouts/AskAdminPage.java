package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.ui.Cards;
import java.util.Locale;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** When the user may not change layouts (or the field cannot be placed): the text to send a Salesforce admin. */
final class AskAdminPage {
    private AskAdminPage() {}

    static WizardPane of(SObjectType type, LayoutWizardModel model, String stylesheet) {
        String key = type.apiName().toLowerCase(Locale.ROOT);
        WizardPane page = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                if (model.adminRequest(type).get().isEmpty()) {
                    model.askYourAdmin(type);
                }
            }
        };
        return Pages.styled(
                page,
                stylesheet,
                "ask-admin-page-" + key,
                type.apiName() + ": ask your Salesforce admin",
                Cards.text(
                        model.canModifyLayouts()
                                ? "The app cannot add the field for you here (see the overview). "
                                        + "Send this to your Salesforce admin:"
                                : "Your Salesforce user may not change page layouts, "
                                        + "so the app cannot add the field for you. Send this to your Salesforce admin (or do the "
                                        + "steps that follow as an admin):",
                        "help"),
                Pages.copyableText("ask-admin-" + key, model.adminRequest(type)),
                Pages.status(model, type));
    }
}
