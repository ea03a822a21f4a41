package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** "Check now": reads the layouts again and shows a check per layout. */
final class CheckPage {
    private CheckPage() {}

    static WizardPane of(SObjectType type, LayoutWizardModel model, String stylesheet) {
        String key = type.apiName().toLowerCase(Locale.ROOT);
        VBox result = new VBox(10);
        Label summary = Cards.text("", "requirement-title");
        summary.setId("check-summary-" + key);
        Runnable draw = () -> model.of(type).ifPresent(object -> {
            summary.setText(summary(object));
            result.getChildren().setAll(summary, Pages.layoutList(object));
            Pages.fieldWarning(object).ifPresent(result.getChildren()::add);
        });
        ChangeListener<Inspection> redraw = (o, was, now) -> draw.run();
        model.inspectionProperty().addListener(redraw);
        Button check = new Button("_Check now", Icons.of("run"));
        check.setId("check-now-" + key);
        check.getStyleClass().add("primary");
        check.disableProperty().bind(model.busyProperty());
        check.setOnAction(e -> model.checkNow(type));
        WizardPane page = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                draw.run();
                model.refresh(type);
            }
        };
        return Pages.styled(
                page,
                stylesheet,
                "check-page-" + key,
                type.apiName() + ": check the layouts",
                Cards.text(
                        "Reads every " + type.apiName() + " page layout from Salesforce "
                                + "again (a few API calls; the line below says how many). Changed a layout in Setup? Check again "
                                + "here.",
                        "help"),
                check,
                result,
                Pages.status(model, type));
    }

    static String summary(ObjectLayouts object) {
        return object.onEveryLayout()
                .map(all -> all
                        ? "The field is on every " + object.object().apiName() + " layout."
                        : object.missing().size() + " of " + object.layouts().size() + " "
                                + object.object().apiName() + " layouts still lack the field.")
                .orElse(
                        object.layoutsReadable() && !object.unreadable().isEmpty()
                                ? object.problem()
                                        .orElse("Some " + object.object().apiName() + " layouts could not be read.")
                                : "The " + object.object().apiName() + " layouts could not be checked.");
    }
}
