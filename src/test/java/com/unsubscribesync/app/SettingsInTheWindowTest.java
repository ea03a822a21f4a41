package com.unsubscribesync.app;

import static com.unsubscribesync.app.PageRobot.click;
import static com.unsubscribesync.app.PageRobot.type;
import static com.unsubscribesync.app.PageRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.SyncSettings;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Every setting of {@code settings set} can be changed in the window (issue 16: the Marketo field's API name,
 * resubscribe policy, match-by-email, API reserve and bulk threshold existed only on the command line), read by the
 * command line's own rule and refused inline in its words, with nothing saved until every value can be read.
 */
class SettingsInTheWindowTest extends SeededConsoleTest {
    @TempDir
    static Path commandLineData;

    private SyncSettings stored() {
        return running.fixture.workspace.settings().load();
    }

    private void opened() {
        SeededConsole.settle();
        waitFor(() -> !running.console.integrations().requirements().isEmpty());
    }

    @Test
    void everySettingTheCommandLineSetsIsChangedInTheWindowAndSavedTogether(FxRobot robot) {
        opened();
        type(robot, "#field-api-name", "Custom_Opt_Out__c");
        click(robot, "#resubscribe-policy");
        robot.clickOn("Ask in Conflicts");
        click(robot, "#match-by-email");
        type(robot, "#api-reserve-percent", "35");
        type(robot, "#bulk-threshold", "5000");
        assertThat(stored()).as("nothing is saved before Save").isEqualTo(SyncSettings.defaults());

        click(robot, "#settings-save");

        waitFor(() -> stored().bulkThreshold() == 5_000);
        assertThat(stored())
                .isEqualTo(SyncSettings.defaults()
                        .withFieldApiName(Optional.of("Custom_Opt_Out__c"))
                        .withResubscribePolicy(ResubscribePolicy.HOLD)
                        .withMatchByEmail(false)
                        .withApiReservePercent(35)
                        .withBulkThreshold(5_000));
        waitFor(() ->
                robot.lookup("#settings-status").queryAs(Label.class).getText().startsWith("Settings saved"));
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#resubscribe-policy").queryAs(ComboBox.class).getValue())
                .isEqualTo(ResubscribePolicy.HOLD);
        assertThat(robot.lookup("#match-by-email").queryAs(CheckBox.class).isSelected())
                .isFalse();
    }

    @Test
    void aValueTheCommandLineRefusesIsRefusedInlineInItsWordsAndNothingIsSaved(FxRobot robot) {
        opened();
        type(robot, "#bulk-threshold", "5000");
        type(robot, "#api-reserve-percent", "95");

        Label problem = robot.lookup("#api-reserve-percent-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        String commandLineSays = CliRun.in(commandLineData, "settings", "set", "api-reserve-percent=95")
                .errorLine();
        assertThat(commandLineSays)
                .contains(problem.getText().substring(0, problem.getText().length() - 1));
        assertThat(problem.getText()).isEqualTo("api-reserve-percent must be between 0 and 90, not 95.");
        Button save = robot.lookup("#settings-save").queryAs(Button.class);
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> running.console.integrations().settingsForm().save());
        assertThat(stored()).as("the good value is not saved alone").isEqualTo(SyncSettings.defaults());

        type(robot, "#bulk-threshold", "lots");
        assertThat(robot.lookup("#bulk-threshold-problem").queryAs(Label.class).getText())
                .isEqualTo("bulk-threshold='lots' is not a whole number.");
        type(robot, "#field-api-name", "x'; DROP TABLE settings--");
        assertThat(robot.lookup("#field-api-name-problem").queryAs(Label.class).getText())
                .startsWith("field-api-name 'x'; DROP TABLE settings--' is not a Salesforce API name");

        click(robot, "#settings-revert");
        assertThat(robot.lookup("#api-reserve-percent").queryAs(TextField.class).getText())
                .isEqualTo("20");
        assertThat(robot.lookup("#bulk-threshold").queryAs(TextField.class).getText())
                .isEqualTo("2000");
        assertThat(robot.lookup("#field-api-name").queryAs(TextField.class).getText())
                .isEmpty();
        assertThat(problem.isVisible()).isFalse();
        assertThat(stored()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void aBulkThresholdBelowTheMinimumIsRefusedAsOnTheCommandLine(FxRobot robot) {
        opened();
        refusedAsOnTheCommandLine(robot, "bulk-threshold", "999", "bulk-threshold must be at least 1000");
    }

    @Test
    void callsInFlightIsSavedFromTheWindowAndZeroIsRefusedAsOnTheCommandLine(FxRobot robot) {
        opened();
        refusedAsOnTheCommandLine(robot, "calls-in-flight", "0", "calls-in-flight must be between 1 and 25");

        type(robot, "#calls-in-flight", "8");
        click(robot, "#settings-save");
        waitFor(() -> stored().callsInFlight() == 8);
    }

    @Test
    void bulkQueryFromIsTurnedOffFromTheWindowAndTooFewRecordsAreRefusedAsOnTheCommandLine(FxRobot robot) {
        opened();
        refusedAsOnTheCommandLine(robot, "bulk-query-from", "5000", "bulk-query-from must be off or at least 10000");

        type(robot, "#bulk-query-from", "off");
        click(robot, "#settings-save");
        waitFor(() -> stored().bulkQueryFrom() == SyncSettings.BULK_QUERY_OFF);
    }

    /** Types the value into the setting's box: the window refuses it in the command line's words, and cannot save. */
    private void refusedAsOnTheCommandLine(FxRobot robot, String key, String value, String refusal) {
        type(robot, "#" + key, value);

        String inWindow =
                robot.lookup("#" + key + "-problem").queryAs(Label.class).getText();
        String commandLineSays =
                CliRun.in(commandLineData, "settings", "set", key + "=" + value).errorLine();
        assertThat(inWindow).startsWith(refusal);
        assertThat(commandLineSays).contains(inWindow.substring(0, inWindow.length() - 1));
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled())
                .isTrue();
    }
}
