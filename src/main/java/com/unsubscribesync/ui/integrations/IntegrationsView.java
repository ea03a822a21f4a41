package com.unsubscribesync.ui.integrations;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import com.unsubscribesync.ui.settings.SettingsFormView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** The Integrations tab. */
public final class IntegrationsView extends ScrollPane {
    private final IntegrationsViewModel model;
    private final VBox checklist = new VBox(8);

    public IntegrationsView(IntegrationsViewModel model) {
        this.model = model;
        VBox page = new VBox(
                16,
                syncCard(),
                fieldCard(),
                requirementsCard(),
                new SettingsFormView(model.settingsForm()),
                notesCard());
        page.getStyleClass().add("page");
        setContent(page);
        setFitToWidth(true);
        getStyleClass().add("page-scroll");
        model.requirements().addListener((ListChangeListener<Requirement>) change -> drawChecklist());
        drawChecklist();
    }

    private VBox syncCard() {
        ToggleSwitch toggle = new ToggleSwitch("Enable nightly sync");
        toggle.setId("nightly-sync");
        toggle.selectedProperty().bindBidirectional(model.nightlySyncProperty());
        Label schedule = Cards.text("", "schedule");
        schedule.textProperty().bind(model.scheduleProperty());
        Label last = Cards.text("");
        last.textProperty().bind(Bindings.concat("Last run: ", model.lastRunProperty()));
        last.setId("last-run");
        Label next = Cards.text("");
        next.textProperty().bind(Bindings.concat("Next run: ", model.nextRunProperty()));
        next.setId("next-run");

        Button runNow = new Button("_Run now", Icons.of("run"));
        runNow.setId("run-now");
        runNow.getStyleClass().add("primary");
        runNow.setOnAction(e -> model.runNow());
        Button preview = new Button("_Preview (dry run)", Icons.of("preview"));
        preview.setId("preview");
        preview.setOnAction(e -> model.preview());
        Button cancel = new Button("_Cancel run", Icons.of("stop"));
        cancel.setId("cancel-run");
        cancel.setOnAction(e -> model.cancel());
        runNow.disableProperty().bind(model.runningProperty());
        preview.disableProperty().bind(model.runningProperty());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.getStyleClass().add("run-progress");
        Label message = new Label();
        message.textProperty().bind(model.progressMessageProperty());
        HBox progress = new HBox(10, bar, message);
        progress.getStyleClass().add("progress-row");
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());
        Label outcome = Cards.text("", "outcome");
        outcome.setId("run-outcome");
        outcome.textProperty().bind(model.outcomeProperty());
        outcome.visibleProperty().bind(model.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());

        // Wraps at large text instead of shortening "Run now" to "Run ...".
        FlowPane buttons = new FlowPane(10, 8, runNow, preview, cancel);
        return Cards.card("Sync to Salesforce", toggle, schedule, last, next, buttons, progress, outcome);
    }

    private VBox fieldCard() {
        ToggleGroup group = new ToggleGroup();
        VBox options = new VBox(10);
        for (OptOutField option : OptOutField.values()) {
            RadioButton radio = new RadioButton(option.label());
            radio.setId("field-" + option.key());
            radio.setWrapText(true);
            radio.setUserData(option);
            radio.setToggleGroup(group);
            Label help = Cards.text(IntegrationsWording.help(option), "help");
            help.getStyleClass().add("under-choice");
            options.getChildren().add(new VBox(3, radio, help));
        }
        Runnable select = () -> group.getToggles().stream()
                .filter(t -> t.getUserData() == model.fieldProperty().get())
                .findFirst()
                .ifPresent(group::selectToggle);
        model.fieldProperty().addListener((o, was, now) -> select.run());
        select.run();
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.fieldProperty().set((OptOutField) now.getUserData());
            }
        });
        return Cards.card(
                "Field to sync",
                Cards.text("Which Salesforce checkbox the nightly sync keeps in step " + "with unsubscribes:", "help"),
                options);
    }

    private VBox requirementsCard() {
        checklist.setId("requirements");
        return Cards.card("Requirements for unsubscribes to sync to Salesforce", checklist);
    }

    private void drawChecklist() {
        checklist.getChildren().clear();
        for (Requirement requirement : model.requirements()) {
            Region mark = (Region) Icons.of(requirement.met() ? "check" : "cross", 18);
            mark.getStyleClass().add(requirement.met() ? "met" : "unmet");
            Label title = new Label(requirement.title());
            title.getStyleClass().add("requirement-title");
            title.setWrapText(true);
            Label detail = Cards.text(requirement.detail(), "help");
            VBox words = new VBox(2, title, detail);
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox row = new HBox(10, mark, words);
            row.getStyleClass().add("requirement");
            row.setAccessibleText((requirement.met() ? "Met: " : "Not met: ") + requirement.title());
            List<Button> fixes =
                    requirement.fixes().stream().map(this::fixButton).toList();
            words.setMinWidth(0);
            if (!fixes.isEmpty()) {
                FlowPane ways = new FlowPane(4, 2);
                ways.getStyleClass().add("requirement-fixes");
                ways.getChildren().setAll(fixes);
                words.getChildren().add(ways);
            }
            checklist.getChildren().add(row);
        }
    }

    /** A button for one way to fix a requirement; they sit under the words, so that both wrap at large text. */
    private Button fixButton(Requirement.Fix way) {
        Button fix = new Button(way.label());
        fix.setId("fix-" + way.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        fix.getStyleClass().add("link-button");
        fix.setMinWidth(Region.USE_PREF_SIZE);
        fix.setOnAction(e -> model.fix(way));
        return fix;
    }

    private VBox notesCard() {
        return Cards.card(
                "Good to know",
                Cards.note(
                        "Real-time pushes: every unsubscribe recorded here is pushed to Salesforce at once. When the "
                                + "nightly sync is off, it still goes to the standard Email Opt Out field."),
                Cards.note("Resubscribes do not sync. To let someone be emailed again, uncheck the field in Salesforce "
                        + "and resubscribe them here — otherwise the next nightly run marks them unsubscribed again."));
    }
}
