package com.unsubscribesync.tour;

import com.unsubscribesync.ui.shell.Screenshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the real console through its steps with the real mouse and keyboard (TestFX's glass robot on the GTK
 * window of an X display), photographs the whole screen after each step, and looks for what is cut off.
 */
final class Tour {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FxRobot robot = new FxRobot();
    private final Stage main;
    private final Path shots;
    private final String prefix;
    private final Rectangle2D screen;
    private final List<String> report = new ArrayList<>();
    private final java.util.Set<String> serious = new java.util.LinkedHashSet<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Path> taken = new ArrayList<>();
    private String step = "start";
    private boolean skippedNow;

    /**
     * @param prefix the start of each screenshot's name, such as {@code 1024x700-200pct}
     */
    Tour(Stage main, Path shots, String prefix, Rectangle2D screen) {
        this.main = main;
        this.shots = shots;
        this.prefix = prefix;
        this.screen = screen;
    }

    /** Runs every step, photographing and checking after each; a step whose target is missing ends the tour. */
    void walk(List<TourStep> steps) throws Exception {
        for (int i = 0; i < steps.size(); i++) {
            TourStep next = steps.get(i);
            step = String.format("%02d-%s", i + 1, next.name());
            long started = System.nanoTime();
            skippedNow = false;
            try {
                next.action().on(this);
                settle();
            } catch (Exception | AssertionError e) {
                shoot(step + "-FAILED");
                report.add(step + ": FAILED: " + e.getMessage());
                writeReport();
                throw new AssertionError("Tour step " + prefix + "-" + step + " failed: " + e.getMessage(), e);
            }
            if (skippedNow) {
                continue;
            }
            shoot(step);
            List<CutOff.Offender> found = offenders();
            List<String> cutOff =
                    summary(found.stream().filter(CutOff.Offender::serious).toList());
            serious.addAll(cutOff);
            report.add(String.format(
                    "%s (%d ms)%s",
                    step, (System.nanoTime() - started) / 1_000_000, found.isEmpty() ? ": nothing cut off" : ""));
            cutOff.forEach(line -> report.add("    CUT OFF " + line));
            summary(found.stream().filter(o -> !o.serious()).toList())
                    .forEach(line -> report.add("    cells   " + line));
        }
        writeReport();
    }

    /** Everything cut off at any step, each once. */
    List<String> seriousOffenders() {
        return List.copyOf(serious);
    }

    /** One line per offender, but one per table or list for its cells: how many, and the first few. */
    private static List<String> summary(List<CutOff.Offender> offenders) {
        List<String> lines = new ArrayList<>();
        offenders.stream()
                .filter(o -> !o.where().endsWith(" cells") && !o.where().endsWith(" column headers"))
                .forEach(o -> lines.add(o.toString()));
        offenders.stream()
                .filter(o -> o.where().endsWith(" cells") || o.where().endsWith(" column headers"))
                .collect(java.util.stream.Collectors.groupingBy(
                        CutOff.Offender::where, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .forEach((where, cells) -> lines.add(where + ": " + cells.size() + ", e.g. "
                        + cells.stream()
                                .limit(3)
                                .map(CutOff.Offender::what)
                                .collect(java.util.stream.Collectors.joining("; "))));
        return lines;
    }

    List<Path> screenshots() {
        return List.copyOf(taken);
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** A step that found nothing to do (no conflict of a kind, say): noted in the report, not failed. */
    void skip(String why) {
        skippedNow = true;
        skipped.add(step + ": " + why);
        report.add(step + ": SKIPPED: " + why);
    }

    /** Something the tour had to do otherwise than the admin would: noted in the report and in Maven's output. */
    void note(String what) {
        skipped.add(step + ": " + what);
        report.add(step + ": NOTE: " + what);
    }

    private void writeReport() throws IOException {
        Files.createDirectories(shots);
        Files.write(shots.resolve(prefix + "-tour.txt"), report, StandardCharsets.UTF_8);
    }

    // ----- what the admin does

    /** Clicks the visible, enabled node with this id, in any window. */
    Tour click(String id) throws Exception {
        Node node = visible(id);
        await("#" + id + " to be enabled", () -> !node.isDisabled());
        return click(node);
    }

    /** Clicks a node the step found itself, such as a row or a list cell, scrolled into view first. */
    Tour click(Node node) throws Exception {
        reveal(node);
        String outside = onFx(() -> {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            javafx.scene.Scene scene = node.getScene();
            // Partly outside is reported as cut off after the step; with its middle outside it cannot be clicked.
            double x = bounds.getCenterX();
            double y = bounds.getCenterY();
            return x < 0 || y < 0 || x > scene.getWidth() || y > scene.getHeight()
                    ? String.format(
                            "%s lies outside its window (at %.0f,%.0f to %.0f,%.0f in a %.0fx%.0f window), "
                                    + "so the admin cannot click it",
                            CutOff.where(node),
                            bounds.getMinX(),
                            bounds.getMinY(),
                            bounds.getMaxX(),
                            bounds.getMaxY(),
                            scene.getWidth(),
                            scene.getHeight())
                    : "";
        });
        if (!outside.isEmpty()) {
            throw new AssertionError(outside);
        }
        robot.clickOn(node);
        settle();
        return this;
    }

    /**
     * Clicks a table row near its top: at 200 % text in 1024x700 the Unsubscribes list is one row high and its
     * horizontal scroll bar covers the row's lower half, where a click in the middle would land.
     */
    Tour clickTop(Node node) throws Exception {
        reveal(node);
        robot.moveTo(
                        node,
                        javafx.geometry.Pos.TOP_CENTER,
                        new javafx.geometry.Point2D(0, 6),
                        org.testfx.robot.Motion.DIRECT)
                .clickOn(javafx.scene.input.MouseButton.PRIMARY);
        settle();
        return this;
    }

    /** Scrolls every scroll pane around the node so that the node is in view, as the admin would scroll. */
    private void reveal(Node node) throws Exception {
        onFx(() -> {
            for (Node at = node.getParent(); at != null; at = at.getParent()) {
                if (at instanceof ScrollPane scroll && scroll.getContent() != null) {
                    Bounds content = scroll.getContent().getLayoutBounds();
                    Bounds target = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                    Bounds view = scroll.getViewportBounds();
                    if (content.getHeight() > view.getHeight()) {
                        double top = Math.max(
                                0,
                                Math.min(
                                        target.getMinY() - view.getHeight() / 3,
                                        content.getHeight() - view.getHeight()));
                        scroll.setVvalue(scroll.getVmin()
                                + (scroll.getVmax() - scroll.getVmin())
                                        * top
                                        / (content.getHeight() - view.getHeight()));
                    }
                    if (content.getWidth() > view.getWidth()) {
                        double left =
                                Math.max(0, Math.min(target.getMinX() - 20, content.getWidth() - view.getWidth()));
                        scroll.setHvalue(scroll.getHmin()
                                + (scroll.getHmax() - scroll.getHmin())
                                        * left
                                        / (content.getWidth() - view.getWidth()));
                    }
                    scroll.layout();
                }
            }
            return null;
        });
        settle();
    }

    /** Moves the pointer out of the way, so no hover or tooltip shows in the screenshot. */
    void parkPointer() {
        robot.moveTo(new javafx.geometry.Point2D(screen.getMaxX() - 2, screen.getMaxY() - 2));
    }

    /** Replaces what the field with this id holds by typing, as the admin would. */
    Tour type(String id, String text) throws Exception {
        Node field = visible(id);
        reveal(field);
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        settle();
        await(
                "#" + id + " to hold \"" + text + "\"",
                () -> field instanceof TextInputControl input && input.getText().equals(text));
        return this;
    }

    /** Types into whatever has the keyboard focus. */
    Tour write(String text) {
        robot.write(text);
        settle();
        return this;
    }

    Tour keys(KeyCode... combination) {
        robot.push(combination);
        settle();
        return this;
    }

    // ----- finding things

    /** The visible node with this id, waited for; fails the step when it does not come. */
    Node visible(String id) throws Exception {
        return find("#" + id + " to be shown", node -> id.equals(node.getId()));
    }

    /** The visible node that matches, waited for. */
    Node find(String what, Predicate<Node> matches) throws Exception {
        await(what, () -> maybe(matches).isPresent());
        return maybe(matches).orElseThrow();
    }

    Optional<Node> maybe(Predicate<Node> matches) {
        return onFxThread(
                () -> robot.lookup((Node n) -> matches.test(n) && shown(n)).tryQuery());
    }

    /**
     * Reads the scene graph on the FX thread: read from another thread while the console builds a screen, a lookup
     * can walk a list of children as it changes (CI once failed on "Index 1 out of bounds for length 0").
     */
    private static <T> T onFxThread(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the window", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the window could not be read on the FX thread: " + e, e);
        }
    }

    /** A labeled control (a cell, a button) in the given node whose words are exactly these. */
    Node labeled(Node within, String words) throws Exception {
        Callable<Optional<Node>> query = () -> onFxThread(() -> robot.from(within)
                .lookup((Node n) -> n instanceof Labeled l && words.equals(CutOff.shown(l)) && shown(n))
                .tryQuery());
        await("\"" + words + "\" in " + CutOff.where(within), () -> query.call().isPresent());
        return query.call().orElseThrow();
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null
                && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing();
    }

    /** The dialog window whose title starts with these words, waited for. */
    Stage dialog(String title) throws Exception {
        Callable<Optional<Stage>> query = () -> windows().stream()
                .filter(w -> w != main
                        && w instanceof Stage s
                        && s.getTitle() != null
                        && s.getTitle().startsWith(title))
                .map(w -> (Stage) w)
                .findFirst();
        await("a window titled \"" + title + "…\"", () -> query.call().isPresent());
        return query.call().orElseThrow();
    }

    /** Any window besides the console's own, if one is showing. */
    Optional<Stage> otherWindow() throws Exception {
        return windows().stream()
                .filter(w -> w != main && w instanceof Stage)
                .map(w -> (Stage) w)
                .findFirst();
    }

    void gone(Stage window) throws Exception {
        await("the window \"" + window.getTitle() + "\" to close", () -> !window.isShowing());
    }

    /** Clicks the button of a dialog whose words start with these (mnemonics aside). */
    Tour press(Stage dialog, String words) throws Exception {
        Node button = find(
                "a button \"" + words + "…\" in \"" + dialog.getTitle() + "\"",
                n -> n instanceof Button b
                        && n.getScene() == dialog.getScene()
                        && CutOff.shown(b).startsWith(words)
                        && !b.isDisabled());
        return click(button);
    }

    /** Clicks the button of a dialog that has this role (the Wizard's Next, a dialog's OK). */
    Tour press(Stage dialog, ButtonData role) throws Exception {
        Node button = find(
                role + " button in \"" + dialog.getTitle() + "\"",
                n -> n instanceof Button b
                        && n.getScene() == dialog.getScene()
                        && ButtonBar.getButtonData(b) == role
                        && !b.isDisabled());
        return click(button);
    }

    static List<Window> windows() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows())).get(10, TimeUnit.SECONDS);
    }

    /** Waits for a condition; fails the step with what was awaited when it does not come. */
    void await(String what, Callable<Boolean> condition) throws Exception {
        await(what, WAIT, condition);
    }

    /** Waits longer than a step usually may, for what is slow by nature (the first start). */
    void await(String what, Duration patience, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(patience.toSeconds(), TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + " in vain", e);
        }
        settle();
    }

    <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ----- outside JavaFX: the GTK file chooser

    /** Runs xdotool on the tour's display, for native windows JavaFX cannot reach (the GTK file chooser). */
    void xdotool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "xdotool " + String.join(" ", arguments) + " did not finish in " + WAIT.toSeconds() + " s");
        }
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new AssertionError("xdotool " + String.join(" ", arguments) + " failed: " + said);
        }
    }

    // ----- screenshots and checks

    private void shoot(String name) {
        try {
            parkPointer();
            settle();
            WritableImage image = onFx(() -> new Robot().getScreenCapture(null, screen));
            Path file = shots.resolve(prefix + "-" + name + ".png");
            Screenshots.write(image, file);
            taken.add(file);
        } catch (Exception e) {
            report.add(name + ": the screenshot failed: " + e);
        }
    }

    private List<CutOff.Offender> offenders() throws Exception {
        return onFx(() -> {
            List<CutOff.Offender> found = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window instanceof Stage && window.isShowing()) {
                    found.addAll(CutOff.in(window, screen));
                }
            }
            return found;
        });
    }
}
