package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.SavedStore;
import com.unsubscribesync.store.TeamStoreForTests;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.connection.StoreDialogModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Connection screen's Store part: where the data is kept, trying a team's PostgreSQL and saving it (ADR 0066). */
class StoreSectionTest extends SeededConsoleTest {
    private static final Eventually SOON = Eventually.within(Duration.ofSeconds(60));

    @AfterEach
    void forgetTheSavedStore() {
        new SavedStore(data).forget();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Labeled.class).getText();
    }

    private StoreDialogModel openDialog(FxRobot robot) {
        robot.interact(() -> running.console.shell().screenProperty().set(Screen.CONNECTION));
        settle();
        // Below the fold of the screen: fired as its mnemonic or a click after scrolling would.
        robot.interact(() -> robot.lookup("#store-change").queryButton().fire());
        return SOON.until("the store dialog", () -> running.dialogs.storeDialog, dialog -> dialog != null);
    }

    private String outcomeOf(FxRobot robot, StoreDialogModel dialog, Runnable press) {
        robot.interact(press);
        return SOON.until(
                "the store's test to end",
                () -> dialog.busyProperty().get()
                        ? null
                        : dialog.outcomeProperty().get(),
                outcome -> outcome != null);
    }

    @Test
    void theStoreShownByDefaultIsThisComputersFile(FxRobot robot) {
        robot.interact(() -> running.console.shell().screenProperty().set(Screen.CONNECTION));
        settle();

        assertThat(text(robot, "store-in-use")).startsWith("This computer: ").contains("unsubscribe-sync.mv.db");
        assertThat(text(robot, "store-chosen-by")).isEqualTo("Chosen by the default.");
        assertThat(robot.lookup("#store-forget").query().isVisible()).isFalse();
    }

    @Test
    void testingABadUrlSaysWhyInOneReadableLine(FxRobot robot) {
        StoreDialogModel dialog = openDialog(robot);

        robot.interact(() -> dialog.urlProperty().set("jdbc:postgresql://127.0.0.1:1/team?user=sync&connectTimeout=5"));
        String unreachable = outcomeOf(robot, dialog, dialog::test);
        robot.interact(() -> dialog.urlProperty().set("postgres://db.example.com/team"));
        String notJdbc = outcomeOf(robot, dialog, dialog::test);

        assertThat(dialog.problemProperty().get()).isTrue();
        assertThat(unreachable)
                .startsWith("could not open the store jdbc:postgresql://127.0.0.1:1/team: ")
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(notJdbc).contains("is not a PostgreSQL URL").contains("jdbc:postgresql://HOST");
        assertThat(data.resolve(SavedStore.FILE)).doesNotExist();
    }

    @Test
    void aStoreUsedFromTheDialogIsOpenedByTheNextCommandWithItsSealedPassword(FxRobot robot) throws Exception {
        String url = TeamStoreForTests.newDatabase();
        String password = TeamStoreForTests.password();
        StoreDialogModel dialog = openDialog(robot);
        robot.interact(() -> {
            dialog.urlProperty().set(url);
            dialog.passwordProperty().set(password);
        });

        String tested = outcomeOf(robot, dialog, dialog::test);
        assertThat(data.resolve(SavedStore.FILE)).doesNotExist();
        String used = outcomeOf(robot, dialog, dialog::use);

        assertThat(tested).startsWith("Reached PostgreSQL ").contains("tables up to date");
        assertThat(used).contains("Saved").contains("open it again");
        SOON.until(
                "the screen to say what the next start uses",
                () -> text(robot, "store-next")
                        .contains("Saved for the next start: " + url.substring(0, url.indexOf('?'))));
        assertThat(CliRun.in(data, "unsubscribe", "add", "ann@example.com").exit())
                .isZero();
        CliRun status = CliRun.in(data, "status", "--json");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).containsPattern("\"unsubscribes\"\\s*:\\s*1\\b");
        assertThat(data.resolve("unsubscribe-sync.mv.db")).doesNotExist();
        CliRun sameStoreNamed = CliRun.on(data)
                .env(Map.of("UNSUBSCRIBE_SYNC_STORE", url, "UNSUBSCRIBE_SYNC_STORE_PASSWORD", password))
                .run("status", "--json");
        assertThat(sameStoreNamed.out()).containsPattern("\"unsubscribes\"\\s*:\\s*1\\b");
        try (var files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString())
                        .doesNotContain(password);
            }
        }
    }

    @Test
    void theEnvironmentsStoreWinsOverTheSavedOne() {
        new SavedStore(data)
                .save("jdbc:postgresql://127.0.0.1:1/saved?user=sync&connectTimeout=5", java.util.Optional.empty());

        CliRun run = CliRun.on(data)
                .env(Map.of("UNSUBSCRIBE_SYNC_STORE", "jdbc:postgresql://127.0.0.1:1/environment?user=sync"))
                .run("--store", "jdbc:postgresql://127.0.0.1:1/option?user=sync&connectTimeout=5", "status");
        CliRun byEnvironment = CliRun.on(data)
                .env(Map.of("UNSUBSCRIBE_SYNC_STORE", "jdbc:postgresql://127.0.0.1:1/environment?connectTimeout=5"))
                .run("status");
        CliRun bySaved = CliRun.in(data, "status");

        assertThat(run.errorLine()).contains("jdbc:postgresql://127.0.0.1:1/option");
        assertThat(byEnvironment.errorLine()).contains("jdbc:postgresql://127.0.0.1:1/environment");
        assertThat(bySaved.errorLine())
                .contains("jdbc:postgresql://127.0.0.1:1/saved")
                .contains("to go back to this computer's file, delete " + data.resolve(SavedStore.FILE));
    }

    @Test
    void aDamagedSealedPasswordIsOneLineWithExitTwo() throws Exception {
        new SavedStore(data).save("jdbc:postgresql://127.0.0.1:1/team?user=sync", java.util.Optional.of("secret-1"));
        Files.write(data.resolve(SavedStore.PASSWORD_FILE), List.of("not sealed"));

        CliRun run = CliRun.in(data, "status", "--json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errorLine())
                .contains(data.resolve(SavedStore.PASSWORD_FILE).toString())
                .contains("choose the store again on the Connection screen")
                .doesNotContain("Exception");
    }
}
