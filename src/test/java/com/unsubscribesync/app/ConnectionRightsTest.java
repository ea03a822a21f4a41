package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.layout.IntegrationUserRights.Status;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.connection.ConnectionView;
import com.unsubscribesync.ui.connection.ConnectionViewModel;
import com.unsubscribesync.ui.connection.UserRightsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Connection screen's rights checklist, wired as the app wires it, against a local org reached through OAuth
 * and force-wsc: the view model in place, and the real view headless.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionRightsTest {
    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";

    private LocalOrg org;
    private AppWorkspace workspace;
    private ConnectionViewModel model;

    @TempDir
    static Path data;

    @Start
    void start(Stage stage) throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5));
        workspace = new AppWorkspace(
                data,
                Database.openInMemory("rights-" + UUID.randomUUID()),
                Clock.systemUTC(),
                "admin",
                Map.of(SECRET_VARIABLE, org.clientSecret()));
        workspace.salesforce().connectWithClientSecret(org.url(), org.clientId(), SECRET_VARIABLE);
        model = new ConnectionViewModel(
                workspace.connectOrg(), Background.immediate(), new ScriptedDialogs(), () -> {});
        ConnectionView view = new ConnectionView(model);
        Scene scene = new Scene(view, 1024, 700);
        scene.getStylesheets()
                .add(ConnectionView.class
                        .getResource("/com/unsubscribesync/ui/console.css")
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        workspace.close();
        org.close();
    }

    private UserRightsViewModel refreshed(FxRobot robot) {
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return model.rights();
    }

    @Test
    void withEveryRightTheViewModelShowsFiveGrantedRowsAndNoRequest(FxRobot robot) {
        UserRightsViewModel rights = refreshed(robot);
        assertThat(rights.rows()).hasSize(5).allMatch(row -> row.status() == Status.GRANTED);
        assertThat(rights.summaryProperty().get()).contains(org.username()).contains("every right");
        assertThat(rights.anyMissingProperty().get()).isFalse();
        assertThat(robot.lookup("#copy-rights-request").queryAs(Button.class).isVisible())
                .isFalse();
        assertThat(robot.lookup("#rights").queryAs(VBox.class).getChildren()).hasSize(5);
    }

    @Test
    void eachMissingRightShowsItsCrossAndTheAdminTextWhichTheCopyButtonCopies(FxRobot robot) {
        record Case(String title, Runnable remove, Runnable restore) {}
        for (Case missing : new Case[] {
            new Case(
                    "Edit on Leads",
                    () -> org.state().setObjectAccess("Lead", ObjectAccess.READ),
                    () -> org.state().setObjectAccess("Lead", ObjectAccess.EDIT)),
            new Case(
                    "Edit on Contacts",
                    () -> org.state().setObjectAccess("Contact", ObjectAccess.READ),
                    () -> org.state().setObjectAccess("Contact", ObjectAccess.EDIT)),
            new Case(
                    "Edit access to Email Opt Out on Leads and Contacts",
                    () -> org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY),
                    () -> org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.EDITABLE)),
            new Case(
                    "Customize Application and Modify Metadata (only for Add it for me)",
                    () -> {
                        org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
                        org.state().setPermission(Permission.MODIFY_METADATA, false);
                    },
                    () -> {
                        org.state().setPermission(Permission.MODIFY_ALL_DATA, true);
                        org.state().setPermission(Permission.MODIFY_METADATA, true);
                    }),
            new Case(
                    "Customize Application and Modify Metadata (only for Add it for me)",
                    () -> org.state().setPermission(Permission.CUSTOMIZE_APPLICATION, false),
                    () -> org.state().setPermission(Permission.CUSTOMIZE_APPLICATION, true))
        }) {
            missing.remove().run();
            UserRightsViewModel rights = refreshed(robot);
            assertThat(rights.rows())
                    .filteredOn(row -> row.status() == Status.MISSING)
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.title()).isEqualTo(missing.title());
                        assertThat(row.detail()).contains(org.username()).contains("Setup >");
                    });
            assertThat(rights.summaryProperty().get()).startsWith("1 of 5 rights are missing");
            String detail = rights.rows().stream()
                    .filter(row -> row.status() == Status.MISSING)
                    .findFirst()
                    .orElseThrow()
                    .detail();
            assertThat(rights.requestProperty().get()).contains(detail);

            Node row = robot.lookup("#rights").queryAs(VBox.class).getChildren().stream()
                    .filter(node -> "Missing: ".concat(missing.title()).equals(node.getAccessibleText()))
                    .findFirst()
                    .orElseThrow();
            assertThat(robot.from(row).lookup(".unmet").tryQuery()).isPresent();
            assertThat(robot.from(row)
                            .lookup((Label label) -> label.getText().equals(detail))
                            .tryQuery())
                    .isPresent();
            Button copy = robot.lookup("#copy-rights-request").queryAs(Button.class);
            assertThat(copy.isVisible()).isTrue();
            robot.interact(copy::fire);
            String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                    () -> Clipboard.getSystemClipboard().getString()));
            assertThat(copied).isEqualTo(rights.requestProperty().get());
            missing.restore().run();
        }
        assertThat(refreshed(robot).rows()).allMatch(row -> row.status() == Status.GRANTED);
    }

    @Test
    void withoutApiEnabledOnlyThatRightIsCrossedAndTheOthersWait(FxRobot robot) {
        org.state().setPermission(Permission.API_ENABLED, false);
        UserRightsViewModel rights = refreshed(robot);
        assertThat(rights.rows())
                .extracting(UserRightsViewModel.Row::status)
                .containsExactly(Status.MISSING, Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN);
        assertThat(rights.rows().get(0).detail()).contains("API Enabled").contains("System Permissions");
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText())
                .isEqualTo("Not connected");
        assertThat(robot.lookup("#copy-rights-request").queryAs(Button.class).isVisible())
                .isTrue();
    }
}
