package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.intake.ApiKeyRow;
import com.unsubscribesync.ui.shell.Console;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Links & keys screen over a data directory the command line uses too: the intake's state, the intake
 * API's keys, and a link with its headers for one address, each part copied exactly.
 */
@ExtendWith(ApplicationExtension.class)
class LinksAndKeysScreenTest {
    private static final String BASE = "https://unsubscribe.example.com";

    @TempDir
    Path data;

    private ShownConsole<InMemoryOrg> running;

    private void open() throws Exception {
        FxToolkit.setupStage(stage -> running = new ShownConsole<>(
                stage,
                ConsoleFixture.inMemory(data, Database.openFile(data), Clock.systemUTC(), 0),
                Screen.LINKS_AND_KEYS,
                1280,
                800,
                Console::load));
        CountedBackground.settle();
    }

    @AfterEach
    void close() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void keysMadeOnTheCommandLineAreListedAndRevokingOneMarksItRevoked(FxRobot robot) throws Exception {
        CliRun made = CliRun.in(data, "api-keys", "create", "crm");
        assertThat(made.exit()).as(made.err()).isZero();
        open();
        TableView<ApiKeyRow> keys = table(robot);
        assertThat(keys.getItems()).extracting(ApiKeyRow::name).containsExactly("crm");
        assertThat(keys.getItems().get(0).lastUsed()).isEqualTo("never");
        assertThat(keys.getItems().get(0).revoked()).isEqualTo("—");
        assertThat(robot.lookup("#revoke-key").query().isDisabled())
                .as("nothing selected")
                .isTrue();

        revokeCrm(robot, true);

        assertThat(running.fixture.workspace.apiKeys().list().get(0).revoked()).isPresent();
        assertThat(keys.getItems().get(0).revoked()).isNotEqualTo("—");
        assertThat(keys.getItems().get(0).active()).isFalse();
    }

    @Test
    void revokingAsksFirstAndANoKeepsTheKey(FxRobot robot) throws Exception {
        CliRun.in(data, "api-keys", "create", "crm");
        open();
        revokeCrm(robot, false);

        assertThat(running.fixture.workspace.apiKeys().list().get(0).revoked()).isEmpty();
    }

    /** Selects the key crm, asks to revoke it and answers the confirmation. */
    private void revokeCrm(FxRobot robot, boolean yes) {
        robot.clickOn("crm");
        running.dialogs.answer(yes);
        robot.clickOn("#revoke-key");
        CountedBackground.settle();
        assertThat(running.dialogs.saw("confirm: Revoke API key 'crm'?")).isTrue();
    }

    @Test
    void aCreatedKeyIsShownOnceAndAuthenticatesAtTheIntakeApi(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#key-name").write("Shop");
        robot.clickOn("#create-key");
        CountedBackground.settle();

        assertThat(running.dialogs.secrets).hasSize(1);
        String secret = running.dialogs.secrets.get(0);
        assertThat(running.dialogs.saw("secret: API key 'shop' created: ")).isTrue();
        assertThat(running.dialogs.shown.stream().filter(s -> s.startsWith("secret:")))
                .singleElement()
                .asString()
                .contains("will not be shown again")
                .doesNotContain(secret);
        assertThat(running.fixture.workspace.apiKeys().caller(secret))
                .as("the key shown is one the intake API accepts")
                .hasValueSatisfying(caller -> assertThat(caller.name()).isEqualTo("shop"));
        assertThat(table(robot).getItems()).extracting(ApiKeyRow::name).containsExactly("shop");
        assertThat(text(robot, "#key-name")).isEmpty();

        robot.clickOn("#nav-connection");
        robot.clickOn("#nav-links");
        CountedBackground.settle();
        assertThat(running.dialogs.secrets).as("shown once").hasSize(1);
    }

    @Test
    void aKeyNameTheCommandLineRefusesIsSaidUnderTheFieldAndNothingIsMade(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#key-name").write("two words");
        robot.clickOn("#create-key");
        CountedBackground.settle();

        Labeled problem = robot.lookup("#key-problem").queryAs(Labeled.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText())
                .startsWith("Key name 'two words' is not valid: use 1 to 40 letters")
                .doesNotContain("\n");
        assertThat(running.dialogs.secrets).isEmpty();
        assertThat(running.fixture.workspace.apiKeys().list()).isEmpty();

        robot.doubleClickOn("#key-name").eraseText(9).write("crm");
        robot.clickOn("#create-key");
        CountedBackground.settle();
        assertThat(problem.isVisible()).as("gone once the name is taken").isFalse();
    }

    @Test
    void theLinkMadeOpensToTheTypedAddressAndEachPartCopiesExactly(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#base-url").write(BASE);
        robot.clickOn("#link-email").write("Ann.Lee@Example.com");
        robot.clickOn("#link-campaign").write("spring");
        robot.clickOn("#make-link");
        CountedBackground.settle();

        String url = text(robot, "#link-url");
        assertThat(url).startsWith(BASE + "/u/");
        Optional<LinkSubject> opened = running.fixture.workspace.links().open(url.substring(url.lastIndexOf('/') + 1));
        assertThat(opened).contains(new LinkSubject(Email.parse("Ann.Lee@Example.com"), Optional.of("spring")));
        assertThat(text(robot, "#header-list-unsubscribe")).isEqualTo("List-Unsubscribe: <" + url + ">");
        assertThat(text(robot, "#header-list-unsubscribe-post"))
                .isEqualTo("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

        robot.clickOn("#copy-link-url");
        assertThat(clipboard()).isEqualTo(url);
        robot.clickOn("#copy-list-unsubscribe");
        assertThat(clipboard()).isEqualTo("List-Unsubscribe: <" + url + ">");
        robot.clickOn("#copy-list-unsubscribe-post");
        assertThat(clipboard()).isEqualTo("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }

    @Test
    void aBadAddressIsSaidUnderTheFieldsAndCopiesNothing(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#base-url").write(BASE);
        robot.clickOn("#link-email").write("ann@example.com");
        robot.clickOn("#make-link");
        CountedBackground.settle();
        assertThat(text(robot, "#link-url")).isNotEmpty();

        robot.doubleClickOn("#link-email").eraseText(15).write("not-an-address");
        robot.clickOn("#make-link");
        CountedBackground.settle();
        robot.interact(() -> {
            ClipboardContent before = new ClipboardContent();
            before.putString("before");
            Clipboard.getSystemClipboard().setContent(before);
        });

        Labeled problem = robot.lookup("#link-problem").queryAs(Labeled.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("not-an-address").doesNotContain("\n");
        for (String part : new String[] {"#link-url", "#header-list-unsubscribe", "#header-list-unsubscribe-post"}) {
            assertThat(text(robot, part)).as("%s of the earlier link", part).isEmpty();
        }
        for (String copy : new String[] {"#copy-link-url", "#copy-list-unsubscribe", "#copy-list-unsubscribe-post"}) {
            assertThat(robot.lookup(copy).query().isDisabled()).as(copy).isTrue();
            robot.clickOn(copy);
        }
        assertThat(clipboard()).isEqualTo("before");
    }

    @Test
    void aPlainHttpBaseUrlBeyondThisComputerIsRefusedAsOnTheCommandLine(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#base-url").write("http://unsubscribe.example.com");
        robot.clickOn("#link-email").write("ann@example.com");
        robot.clickOn("#make-link");
        CountedBackground.settle();

        assertThat(robot.lookup("#link-problem").queryAs(Labeled.class).getText())
                .startsWith("Base URL 'http://unsubscribe.example.com' is plain http beyond this computer: use https");
        assertThat(text(robot, "#link-url")).isEmpty();
    }

    @Test
    void withoutARunningIntakeTheScreenGivesTheCommandThatStartsOne(FxRobot robot) throws Exception {
        open();
        assertThat(robot.lookup("#intake-none").query().isVisible()).isTrue();
        assertThat(robot.lookup("#intake-none .label").queryAs(Labeled.class).getText())
                .startsWith("No intake running: start one");
        assertThat(robot.lookup("#intake-listening").query().isVisible()).isFalse();
        String command = text(robot, "#start-command");
        assertThat(command)
                .isEqualTo("unsubscribe-sync --data-dir " + data.toAbsolutePath() + " serve --intake 127.0.0.1:8080");
        robot.clickOn("#copy-start-command");
        assertThat(clipboard()).isEqualTo(command);
        assertThat(robot.lookup("#intake-clicks").queryAs(Labeled.class).getText())
                .startsWith("0 clicks");
    }

    @Test
    void aRunningServesIntakeShowsWhereItListensAndTodaysClicks(FxRobot robot) throws Exception {
        open();
        AppWorkspace workspace = running.fixture.workspace;
        workspace.announceServing();
        // Counted by the console's day: counted by UTC days, the refusal fell on another day for an hour or two each
        // night.
        try (var intake = workspace.openIntake(running.fixture.zone())) {
            URI link = intake.linkFor("clicker@example.com");
            HttpResponse<String> clicked = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(link)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(clicked.statusCode()).isEqualTo(200);
            String listening = link.getAuthority();

            robot.clickOn("#nav-connection");
            robot.clickOn("#nav-links");
            CountedBackground.settle();

            Node shown = robot.lookup("#intake-listening").query();
            assertThat(shown.isVisible()).isTrue();
            assertThat(robot.from(shown).lookup(".label").queryAllAs(Labeled.class))
                    .extracting(Labeled::getText)
                    .containsExactly("Listening on http://" + listening);
            assertThat(robot.lookup("#intake-none").query().isVisible()).isFalse();
            assertThat(robot.lookup("#intake-clicks").queryAs(Labeled.class).getText())
                    .startsWith("1 click on");
            assertThat(text(robot, "#base-url"))
                    .as("the intake on this computer is the base URL to try links with")
                    .isEqualTo("http://" + listening);
            assertThat(robot.lookup("#intake-refusals").query().isVisible())
                    .as("a day with nothing refused takes no line")
                    .isFalse();

            URI foreign = URI.create("http://" + listening + "/u/not-a-token");
            assertThat(HttpClient.newHttpClient()
                            .send(HttpRequest.newBuilder(foreign).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);

            Eventually.within(Duration.ofSeconds(30))
                    .until(
                            "the card following the refusal once the intake saved its counts",
                            () -> robot.lookup("#intake-refusals")
                                    .queryAs(Labeled.class)
                                    .getText()
                                    .equals("Refused today: 1 (bad link 1); failed commits today: 0"));
        }
    }

    @Test
    void clicksRecordedWhileAnotherScreenIsShownAreReadWhenLinksAndKeysIsShownAgain(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#nav-connection");
        CountedBackground.settle();
        Labeled clicks = robot.lookup("#intake-clicks").queryAs(Labeled.class);
        assertThat(clicks.getText()).startsWith("0 clicks");

        running.fixture
                .workspace
                .unsubscribes()
                .add(new Unsubscribe(
                        Email.parse("hidden@example.com"),
                        Instant.now(),
                        UnsubscribeSource.CLICKED_LINK,
                        "intake",
                        Optional.empty()));
        // Long past the console's gathering of changes (250 ms) and the reads they start.
        Thread.sleep(1500);
        CountedBackground.settle();
        assertThat(clicks.getText()).as("not read again while hidden").startsWith("0 clicks");

        robot.clickOn("#nav-links");
        CountedBackground.settle();
        assertThat(clicks.getText()).startsWith("1 click on");
    }

    private static TableView<ApiKeyRow> table(FxRobot robot) {
        return robot.lookup("#api-keys").queryTableView();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }

    private static String clipboard() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
    }
}
