package com.unsubscribesync.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tour's eye for what is cut off, headless: what it must see and what it must not mistake for a defect. */
@ExtendWith(ApplicationExtension.class)
class CutOffTest {
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1024, 700);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private List<CutOff.Offender> shown(FxRobot robot, Parent root, double width, double height) {
        AtomicReference<List<CutOff.Offender>> found = new AtomicReference<>();
        robot.interact(() -> {
            stage.setScene(new Scene(root, width, height));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> found.set(CutOff.in(stage, SCREEN)));
        return found.get();
    }

    @Test
    void aButtonTooNarrowForItsWordsIsReportedByItsIdWithWhatItShows(FxRobot robot) {
        Button narrow = new Button("Resubscribe…");
        narrow.setId("resubscribe");
        narrow.setMinWidth(50);
        narrow.setMaxWidth(50);

        List<CutOff.Offender> found = shown(robot, new HBox(narrow), 300, 100);

        assertThat(found).singleElement().satisfies(offender -> {
            assertThat(offender.where()).isEqualTo("#resubscribe");
            assertThat(offender.what()).contains("of \"Resubscribe…\"");
            assertThat(offender.serious()).isTrue();
        });
    }

    @Test
    void aButtonPushedPastTheEdgeOfItsWindowIsReported(FxRobot robot) {
        Region wide = new Region();
        wide.setMinWidth(280);
        Button pushed = new Button("History");
        pushed.setId("history");
        pushed.setMinWidth(Region.USE_PREF_SIZE);

        List<CutOff.Offender> found = shown(robot, new HBox(wide, pushed), 300, 100);

        assertThat(found).extracting(CutOff.Offender::where).containsExactly("#history");
        assertThat(found.get(0).what()).startsWith("lies outside its window");
    }

    @Test
    void wholeWordsAndMnemonicsInAWindowThatFitsAreNotMistakenForCutOffText(FxRobot robot) {
        Button add = new Button("_Add…");
        add.setMnemonicParsing(true);
        Label wrapped = new Label("A sentence long enough to wrap onto a second line in a narrow window.");
        wrapped.setWrapText(true);
        wrapped.setMinHeight(Region.USE_PREF_SIZE);

        assertThat(shown(robot, new VBox(8, add, wrapped), 200, 200)).isEmpty();
    }

    @Test
    void wordsTallerThanTheirBoxAreReportedAsCutOff(FxRobot robot) {
        Label row = new Label("amir.castillo.1@example.org");
        row.setId("row");
        row.setStyle("-fx-font-size: 24px;");
        row.setMinHeight(14);
        row.setPrefHeight(14);
        row.setMaxHeight(14);

        List<CutOff.Offender> found = shown(robot, new VBox(row), 400, 100);

        assertThat(found).singleElement().satisfies(offender -> {
            assertThat(offender.where()).isEqualTo("#row");
            assertThat(offender.what()).startsWith("is 14 px high");
            assertThat(offender.serious()).isTrue();
        });
    }

    @Test
    void aWindowLargerThanTheScreenIsReported(FxRobot robot) {
        List<CutOff.Offender> found = shown(robot, new HBox(new Label("wide")), 1100, 100);

        assertThat(found).extracting(CutOff.Offender::what).anyMatch(what -> what.contains("on a 1024x700 screen"));
    }

    @Test
    void theMnemonicUnderscoreIsDroppedAndADoubledOneKept() {
        Button button = new Button("Re_subscribe __here");
        button.setMnemonicParsing(true);

        assertThat(CutOff.shown(button)).isEqualTo("Resubscribe _here");
    }

    @Test
    void aLiveCounterChangedSinceTheLastLayoutIsNotMistakenForShortenedWords(FxRobot robot) {
        Label counter = new Label("API 43 / 100,000");

        assertThat(CutOff.stale(counter, "API 37 / 100,000", "API 43 / 100,000"))
                .isTrue();
        assertThat(CutOff.stale(counter, "API 43 / 1...", "API 43 / 100,000")).isFalse();
        assertThat(CutOff.stale(counter, "API 43 / 1", "API 43 / 100,000")).isFalse();
    }
}
