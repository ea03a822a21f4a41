package com.unsubscribesync.ui.history;

import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.ui.LatestRead;
import com.unsubscribesync.ui.ShownLists;
import com.unsubscribesync.usecase.SyncOverview;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Sync history: the runs, a chart of what each imported and pushed, and a note when a run ends. */
public final class SyncHistoryViewModel {
    private static final int SHOWN = 200;
    private static final int CHARTED = 30;
    private static final DateTimeFormatter CHART_LABEL = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final SyncOverview overview;
    private final ZoneId zone;
    private final Background background;
    private final LatestRead reads;
    private final DialogService dialogs;
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunPoint> chart = FXCollections.observableArrayList();
    private final Set<Long> finishedSeen = new HashSet<>();
    private boolean baseline;

    /** What one run imported and pushed, for the chart (oldest first). */
    public record RunPoint(String label, int imported, int pushed) {}

    public SyncHistoryViewModel(SyncOverview overview, ZoneId zone, Background background, DialogService dialogs) {
        this.overview = overview;
        this.zone = zone;
        this.background = background;
        this.reads = new LatestRead(background);
        this.dialogs = dialogs;
    }

    /** Re-reads the runs; a run that ended since the last look raises a notification. */
    public void refresh() {
        reads.read(
                p -> overview.runs(SHOWN),
                this::show,
                e -> dialogs.error("Sync history", "The runs could not be read: " + e.getMessage()));
    }

    private void show(List<SyncRun> recent) {
        for (SyncRun run : recent) {
            if (run.outcome() == SyncRun.Outcome.RUNNING || !finishedSeen.add(run.id()) || !baseline) {
                continue;
            }
            announce(run);
        }
        baseline = true;
        ShownLists.update(runs, recent.stream().map(run -> RunRow.of(run, zone)).toList());
        List<RunPoint> points = new ArrayList<>();
        recent.stream()
                .filter(run -> run.outcome() != SyncRun.Outcome.RUNNING)
                .limit(CHARTED)
                .forEach(run -> points.add(
                        0,
                        new RunPoint(
                                CHART_LABEL.format(run.startedAt().atZone(zone)) + " #" + run.id(),
                                run.counts().imported(),
                                run.counts().pushed())));
        ShownLists.update(chart, points);
    }

    private void announce(SyncRun run) {
        SyncRun.Counts counts = run.counts();
        switch (run.outcome()) {
            case FAILED ->
                dialogs.notify(
                        "Sync run failed",
                        run.message().orElse("No reason was recorded.")
                                + " Nothing is lost: the next run picks up from the last good one.",
                        true);
            case STOPPED ->
                dialogs.notify("Sync run stopped early", run.message().orElse(""), true);
            default ->
                dialogs.notify(
                        "Sync run finished",
                        Formats.count(counts.imported()) + " imported, "
                                + Formats.count(counts.pushed()) + " pushed, "
                                + Formats.plural(counts.conflicts(), "new conflict", "new conflicts") + ", "
                                + Formats.plural(counts.apiCalls(), "API call", "API calls") + "."
                                + run.message().map(m -> " " + m).orElse(""),
                        run.message().isPresent());
        }
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObservableList<RunPoint> chart() {
        return chart;
    }
}
