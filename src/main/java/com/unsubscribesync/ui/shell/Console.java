package com.unsubscribesync.ui.shell;

import com.unsubscribesync.store.Change;
import com.unsubscribesync.store.ChangeFeed;
import com.unsubscribesync.ui.AppIcon;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.WindowMemory;
import com.unsubscribesync.ui.conflicts.ConflictsView;
import com.unsubscribesync.ui.conflicts.ConflictsViewModel;
import com.unsubscribesync.ui.connection.ConnectionView;
import com.unsubscribesync.ui.connection.ConnectionViewModel;
import com.unsubscribesync.ui.history.RunDetailViewModel;
import com.unsubscribesync.ui.history.SyncHistoryView;
import com.unsubscribesync.ui.history.SyncHistoryViewModel;
import com.unsubscribesync.ui.intake.IntakeView;
import com.unsubscribesync.ui.intake.IntakeViewModel;
import com.unsubscribesync.ui.integrations.IntegrationsView;
import com.unsubscribesync.ui.integrations.IntegrationsViewModel;
import com.unsubscribesync.ui.unsubscribes.UnsubscribesView;
import com.unsubscribesync.ui.unsubscribes.UnsubscribesViewModel;
import com.unsubscribesync.ui.welcome.WelcomeView;
import com.unsubscribesync.ui.welcome.WelcomeViewModel;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The console's screens in one window. */
public final class Console {
    public static final String STYLESHEET =
            Console.class.getResource("/com/unsubscribesync/ui/console.css").toExternalForm();
    private static final Duration STATUS_EVERY = Duration.seconds(3);
    /** When every node's changes are announced (PostgreSQL), the poll only backs up a lost listening connection. */
    private static final Duration STATUS_FALLBACK_EVERY = Duration.seconds(30);

    /**
     * The screens each kind of change concerns. Only the one shown is read again on a change; the others are read
     * when shown: a flood of clicks or a long import elsewhere must not keep re-reading lists nobody looks at.
     */
    private static final Map<Change, Set<Screen>> SHOWN_BY = Map.of(
            Change.UNSUBSCRIBES, EnumSet.of(Screen.UNSUBSCRIBES, Screen.LINKS_AND_KEYS),
            Change.OUTBOX, EnumSet.noneOf(Screen.class),
            Change.PUSHED, EnumSet.noneOf(Screen.class),
            Change.SETTINGS, EnumSet.of(Screen.INTEGRATIONS, Screen.LINKS_AND_KEYS),
            Change.CONFLICTS, EnumSet.of(Screen.CONFLICTS),
            Change.INTAKE, EnumSet.of(Screen.LINKS_AND_KEYS),
            Change.RUNS, EnumSet.of(Screen.SYNC_HISTORY, Screen.INTEGRATIONS));
    /** The status bar is always in sight: the outbox, the last run, the connection. */
    private static final Set<Change> IN_STATUS_BAR =
            EnumSet.of(Change.UNSUBSCRIBES, Change.OUTBOX, Change.PUSHED, Change.SETTINGS, Change.RUNS);

    private final ShellViewModel shell;
    private final UnsubscribesViewModel unsubscribes;
    private final IntegrationsViewModel integrations;
    private final ConflictsViewModel conflicts;
    private final SyncHistoryViewModel history;
    private final RunDetailViewModel runDetail;
    private final ConnectionViewModel connection;
    private final WelcomeViewModel welcome;
    private final IntakeViewModel intake;
    private final ShellView view;
    private final ScreensFollowChanges following;
    private Timeline polling;
    private Optional<ChangeFeed.Subscription> subscription = Optional.empty();

    /** The console's screens, each built by the composition root with the services it uses. */
    public record Screens(
            ShellViewModel shell,
            UnsubscribesViewModel unsubscribes,
            IntegrationsViewModel integrations,
            ConflictsViewModel conflicts,
            SyncHistoryViewModel history,
            RunDetailViewModel runDetail,
            ConnectionViewModel connection,
            WelcomeViewModel welcome,
            IntakeViewModel intake) {}

    public Console(Screens models) {
        shell = models.shell();
        unsubscribes = models.unsubscribes();
        integrations = models.integrations();
        conflicts = models.conflicts();
        history = models.history();
        runDetail = models.runDetail();
        connection = models.connection();
        welcome = models.welcome();
        intake = models.intake();
        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.UNSUBSCRIBES, new UnsubscribesView(unsubscribes));
        screens.put(Screen.INTEGRATIONS, new IntegrationsView(integrations));
        screens.put(Screen.CONFLICTS, new ConflictsView(conflicts));
        screens.put(Screen.SYNC_HISTORY, new SyncHistoryView(history, runDetail));
        screens.put(Screen.CONNECTION, new ConnectionView(connection));
        screens.put(Screen.LINKS_AND_KEYS, new IntakeView(intake));
        view = new ShellView(shell, screens);
        view.overlay(new WelcomeView(welcome));
        shell.screenProperty().addListener((o, was, now) -> refresh(now));
        polling = polling(STATUS_EVERY);
        Map<Change, Runnable> reads = new EnumMap<>(Change.class);
        for (Change change : Change.values()) {
            reads.put(change, () -> {
                refreshIfShown(SHOWN_BY.getOrDefault(change, Set.of()));
                if (IN_STATUS_BAR.contains(change)) {
                    shell.refreshStatus();
                }
            });
        }
        following = new ScreensFollowChanges(reads);
    }

    private void refreshIfShown(Set<Screen> concerned) {
        Screen shown = shell.screenProperty().get();
        if (concerned.contains(shown)) {
            refresh(shown);
        }
    }

    private Timeline polling(Duration every) {
        Timeline timeline = new Timeline(new KeyFrame(every, e -> {
            shell.refreshStatus();
            refreshIfShown(Set.of(Screen.SYNC_HISTORY));
        }));
        timeline.setCycleCount(Animation.INDEFINITE);
        return timeline;
    }

    /**
     * Reads the screens a committed change concerns again as the store announces it: this process's changes, and on
     * a team's PostgreSQL every node's, whose status is then polled only now and then as a fallback. Call on the FX
     * thread, before the console is shown.
     */
    public void follow(ChangeFeed changes) {
        subscription.ifPresent(ChangeFeed.Subscription::close);
        subscription = Optional.of(changes.listen(following::changed));
        if (changes.reachesOtherProcesses()) {
            polling.stop();
            polling = polling(STATUS_FALLBACK_EVERY);
        }
    }

    /**
     * Reads everything once; afterwards each screen re-reads when shown and when the store announces a change it
     * shows ({@link #follow}), the status bar also every few seconds.
     */
    public void load() {
        shell.refreshStatus();
        unsubscribes.reload();
        integrations.refresh();
        conflicts.refresh();
        history.refresh();
        connection.refresh();
        intake.refresh();
    }

    private void refresh(Screen screen) {
        switch (screen) {
            case UNSUBSCRIBES -> unsubscribes.reload();
            case INTEGRATIONS -> integrations.refresh();
            case CONFLICTS -> conflicts.refresh();
            case SYNC_HISTORY -> history.refresh();
            case CONNECTION -> connection.refresh();
            case LINKS_AND_KEYS -> intake.refresh();
        }
    }

    public Scene scene(double width, double height) {
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /** Shows the console in the stage, the size and screen remembered, and remembers them again on close. */
    public void show(Stage stage, WindowMemory memory) {
        Rectangle2D usable = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowMemory.Remembered remembered = memory.load().fittedTo(usable.getWidth(), usable.getHeight());
        stage.setTitle("Unsubscribe Sync — Settings › Admin Settings › Unsubscribes");
        shell.textSizeProperty().set(remembered.textSize());
        stage.setScene(scene(remembered.width(), remembered.height()));
        stage.getIcons().add(AppIcon.image(64));
        stage.setOnHidden(e -> {
            stopPolling();
            memory.save(new WindowMemory.Remembered(
                    stage.getWidth(),
                    stage.getHeight(),
                    shell.screenProperty().get(),
                    shell.textSizeProperty().get()));
        });
        load();
        polling.play();
        stage.show();
        stage.setX(usable.getMinX() + (usable.getWidth() - stage.getWidth()) / 2);
        stage.setY(usable.getMinY() + (usable.getHeight() - stage.getHeight()) / 2);
    }

    /** The welcome on a data directory that has not shown it yet; the composition root asks for it. */
    public void welcomeIfFirstRun() {
        welcome.showIfFirstRun();
    }

    /** Stops the status poll and following the store's changes. */
    public void stopPolling() {
        polling.stop();
        following.stop();
        subscription.ifPresent(ChangeFeed.Subscription::close);
        subscription = Optional.empty();
    }

    public ShellView view() {
        return view;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public UnsubscribesViewModel unsubscribes() {
        return unsubscribes;
    }

    public IntegrationsViewModel integrations() {
        return integrations;
    }

    public ConflictsViewModel conflicts() {
        return conflicts;
    }

    public SyncHistoryViewModel history() {
        return history;
    }

    /** The run opened from the Sync history screen. */
    public RunDetailViewModel runDetail() {
        return runDetail;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    /** The Links & keys screen: the intake, its API keys, a link for one address. */
    public IntakeViewModel intake() {
        return intake;
    }
}
