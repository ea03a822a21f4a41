package com.unsubscribesync.app;

import static com.unsubscribesync.app.PageRobot.click;
import static com.unsubscribesync.app.PageRobot.type;
import static com.unsubscribesync.app.PageRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.testing.ShortenedText;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.TextSize;
import com.unsubscribesync.ui.integrations.Requirement;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The field requirement when the Marketo Sales Opt Out field is chosen, against a local org with and without the
 * Marketo Sales Insight package, its fields found by the real discovery over HTTP. Issue 16: with the package missing
 * the checklist said "missing, not editable" and offered the layout wizard, which cannot create a field.
 */
@ExtendWith(ApplicationExtension.class)
class MarketoPackageMissingChecklistTest {
    private static final String PACKAGE_FIELD = "mkto_si__Marketo_Sales_Opt_Out__c";

    @TempDir
    static Path data;

    private Stage stage;
    private ShownConsole<LocalOrg> running;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(FxRobot robot, boolean withPackage) throws Exception {
        ConsoleFixture<LocalOrg> fixture = ConsoleFixture.discovering(
                data.resolve(withPackage ? "with" : "without"),
                LocalOrgOptions.defaults().withPeople(5).withPackage(withPackage));
        fixture.workspace.settings().save(SyncSettings.defaults().withField(OptOutField.MARKETO_SALES_OPT_OUT));
        robot.interact(
                () -> running = new ShownConsole<>(stage, fixture, Screen.INTEGRATIONS, 1024, 700, Console::load));
        waitFor(() -> running.console.integrations().requirements().size() == 3);
    }

    @AfterEach
    void close() {
        if (running != null) {
            running.close();
        }
    }

    private Requirement fieldRequirement() {
        return running.console.integrations().requirements().get(1);
    }

    @Test
    void withThePackageMissingTheChecklistSaysWhatToDoAndOffersNoWizard(FxRobot robot) throws Exception {
        open(robot, false);

        Requirement field = fieldRequirement();
        assertThat(field.met()).isFalse();
        assertThat(field.detail())
                .doesNotContain("not editable")
                .startsWith("Salesforce has no \"Marketo Sales Opt Out\" checkbox on Lead and Contact")
                .contains("Install the package in Salesforce, choose \"Sync to Salesforce Opt Out field\" instead, or "
                        + "set the field's API name");
        assertThat(robot.lookup(field.detail()).tryQuery())
                .as("the sentence is on screen")
                .isPresent();
        assertThat(robot.lookup("#fix-open-layout-steps").tryQuery())
                .as("no wizard for a missing field")
                .isEmpty();

        click(robot, "#fix-install-package");
        assertThat(running.dialogs.saw(
                        "info: Install Marketo Sales Insight: A Salesforce admin installs the Marketo Sales "
                                + "Insight package from the AppExchange"))
                .isTrue();

        click(robot, "#fix-set-field-api-name");
        waitFor(() -> robot.lookup("#field-api-name").query().isFocused());
        assertThat(robot.lookup("#field-api-name-discovered")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Found by its label \"Marketo Sales Opt Out\" — Lead: not found · Contact: not found");

        click(robot, "#fix-use-email-opt-out");
        waitFor(() -> running.fixture.workspace.settings().load().field() == OptOutField.EMAIL_OPT_OUT);
        waitFor(() -> !fieldRequirement().detail().contains("Marketo"));
        assertThat(fieldRequirement().detail()).startsWith("Lead: exists, editable");
        assertThat(robot.lookup("#fix-install-package").tryQuery()).isEmpty();
    }

    @Test
    void theDiscoveredNameIsShownATypedNameOverridesItAndDiscoveryComesBack(FxRobot robot) throws Exception {
        open(robot, true);
        Label discovered = robot.lookup("#field-api-name-discovered").queryAs(Label.class);
        assertThat(discovered.getText())
                .isEqualTo("Found by its label \"Marketo Sales Opt Out\" — Lead: " + PACKAGE_FIELD + " · Contact: "
                        + PACKAGE_FIELD);
        assertThat(fieldRequirement().detail()).startsWith("Lead: exists, editable");

        type(robot, "#field-api-name", "Custom_Opt_Out__c");
        click(robot, "#settings-save");
        waitFor(() ->
                running.fixture.workspace.settings().load().fieldApiName().equals(Optional.of("Custom_Opt_Out__c")));
        waitFor(() -> discovered.getText().startsWith("Your API name"));
        assertThat(discovered.getText())
                .isEqualTo("Your API name Custom_Opt_Out__c — Lead: not found · Contact: not found");
        waitFor(() -> fieldRequirement()
                .detail()
                .startsWith("Salesforce has no field Custom_Opt_Out__c on Lead " + "and Contact"));

        click(robot, "#field-api-name-discover");
        click(robot, "#settings-save");
        waitFor(() -> running.fixture.workspace.settings().load().fieldApiName().isEmpty());
        waitFor(() -> discovered.getText().startsWith("Found by its label"));
        waitFor(() -> fieldRequirement().detail().startsWith("Lead: exists, editable"));
    }

    @Test
    void theChecklistAndTheSettingsFitASmallWindowAtTheLargestText(FxRobot robot) throws Exception {
        open(robot, false);
        robot.interact(() -> running.console.shell().textSizeProperty().set(new TextSize(26)));
        SeededConsole.settle();
        Scene scene = stage.getScene();

        for (String id : List.of("#requirements", "#more-settings")) {
            Parent part = robot.lookup(id).queryAs(Parent.class);
            assertThat(ShortenedText.under(part)).as("text cut off in %s", id).isEmpty();
            assertThat(outside(part, scene.getWidth()))
                    .as("controls past the window's right edge in %s", id)
                    .isEmpty();
        }
        double checklistWidth =
                robot.lookup("#requirements").query().getLayoutBounds().getWidth();
        assertThat(robot.lookup("#requirements .requirement-title").queryAllAs(Label.class))
                .as("titles keep most of the row")
                .allSatisfy(title -> assertThat(title.getWidth()).isGreaterThan(checklistWidth / 2));
    }

    /** Controls with an id whose right edge lies past the window's. */
    private static List<String> outside(Parent parent, double width) {
        List<String> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible()) {
                continue;
            }
            if (child.getId() != null) {
                Bounds bounds = child.localToScene(child.getLayoutBounds());
                if (bounds.getMaxX() > width + 0.5) {
                    found.add(child.getId() + " ends at " + Math.round(bounds.getMaxX()));
                }
            }
            if (child instanceof Parent inner) {
                found.addAll(outside(inner, width));
            }
        }
        return found;
    }
}
