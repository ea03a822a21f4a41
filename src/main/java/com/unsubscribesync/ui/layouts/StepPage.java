package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.ui.Cards;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.WizardPane;

/** One of the manual steps: its picture, what to do, and the object's Page Layouts page in Setup. */
final class StepPage {
    private StepPage() {}

    static WizardPane of(
            SObjectType type,
            SetupStep step,
            String fieldLabel,
            String setupUrl,
            String stylesheet,
            Consumer<String> browser) {
        String object = type.apiName();
        Label instruction = Cards.text(step.instruction(type, fieldLabel), "step-instruction");
        HBox art = new HBox(WizardArt.of(step, object, fieldLabel));
        art.getStyleClass().add("wizard-art-frame");
        VBox setup = new VBox(
                6,
                Cards.text("Straight to " + object + " › Page Layouts in your org's Setup:", "help"),
                Pages.openInBrowser("_Open Page Layouts in Setup", setupUrl, browser),
                Pages.copyableLine("setup-url-" + step.name().toLowerCase(java.util.Locale.ROOT), setupUrl));
        int number = step.ordinal() + 1;
        return Pages.page(
                stylesheet,
                "step-" + object.toLowerCase(java.util.Locale.ROOT) + "-" + number,
                object + " — step " + number + " of " + SetupStep.values().length + ": " + step.title(),
                art,
                instruction,
                setup);
    }
}
