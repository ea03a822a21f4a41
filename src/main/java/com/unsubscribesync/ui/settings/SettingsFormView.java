package com.unsubscribesync.ui.settings;

import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.ui.Cards;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The "More settings" card of the Integrations tab: every {@code settings set} key the other cards do not show,
 * with what Salesforce has under the Marketo field's name, each refusal under its own box, and one Save.
 */
public final class SettingsFormView extends VBox {
    private final SettingsForm form;
    private final Map<Setting, Node> inputs = new EnumMap<>(Setting.class);

    public SettingsFormView(SettingsForm form) {
        this.form = form;
        VBox card = Cards.card(
                "More settings",
                Cards.text(
                        "The same settings as 'settings set' on the command line. Changes are used from the next "
                                + "run on; nothing is saved until Save.",
                        "help"),
                apiNameRow(),
                policyRow(),
                matchRow(),
                reserveRow(),
                thresholdRow(),
                bulkQueryRow(),
                callsRow(),
                buttons());
        card.setId("more-settings");
        getChildren().add(card);
        form.focusRequestProperty().addListener((o, was, now) -> {
            if (now != null) {
                bringIntoView(inputs.get(now));
            }
        });
    }

    private VBox apiNameRow() {
        TextField name = text(Setting.FIELD_API_NAME);
        name.setPromptText("found by its label");
        Button discover = new Button("Find it by its _label");
        discover.setId("field-api-name-discover");
        discover.setMinWidth(Button.USE_PREF_SIZE);
        discover.disableProperty().bind(form.value(Setting.FIELD_API_NAME).isEmpty());
        discover.setOnAction(e -> form.useDiscoveredName());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox line = new HBox(8, name, discover);
        line.getStyleClass().add("toolbar");
        Label discovered = Cards.text("", "help");
        discovered.setId("field-api-name-discovered");
        discovered.textProperty().bind(form.discoveredProperty());
        return row(
                Setting.FIELD_API_NAME,
                "Marketo Sales Opt Out field's _API name",
                line,
                "Leave empty to find the package's checkbox by its label in Salesforce; type an API name when the "
                        + "field has another label.",
                discovered);
    }

    private VBox policyRow() {
        ComboBox<ResubscribePolicy> policy = new ComboBox<>();
        policy.setId(Setting.RESUBSCRIBE_POLICY.key());
        policy.getItems().setAll(ResubscribePolicy.values());
        policy.setConverter(new StringConverter<>() {
            @Override
            public String toString(ResubscribePolicy value) {
                return value == null
                        ? ""
                        : switch (value) {
                            case REAPPLY -> "Check it again";
                            case HOLD -> "Ask in Conflicts";
                        };
            }

            @Override
            public ResubscribePolicy fromString(String text) {
                return ResubscribePolicy.parse(text);
            }
        });
        var value = form.value(Setting.RESUBSCRIBE_POLICY);
        Runnable show = () -> policy.getItems().stream()
                .filter(p -> p.key().equals(value.get().strip()))
                .findFirst()
                .ifPresent(policy::setValue);
        value.addListener((o, was, now) -> show.run());
        show.run();
        policy.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now.key());
            }
        });
        inputs.put(Setting.RESUBSCRIBE_POLICY, policy);
        return row(
                Setting.RESUBSCRIBE_POLICY,
                "When Salesforce unchecks the opt-out of someone still _unsubscribed " + "here",
                policy,
                "Check it again: an opt-out on either side wins. Ask in Conflicts: the nightly run "
                        + "leaves the record alone until you decide.");
    }

    private VBox matchRow() {
        CheckBox match = new CheckBox("Opt out every Lead and Contact with the person's _email address");
        match.setId(Setting.MATCH_BY_EMAIL.key());
        match.setWrapText(true);
        var value = form.value(Setting.MATCH_BY_EMAIL);
        Runnable show = () -> match.setSelected("on".equals(value.get().strip()));
        value.addListener((o, was, now) -> show.run());
        show.run();
        match.selectedProperty().addListener((o, was, on) -> value.set(on ? "on" : "off"));
        inputs.put(Setting.MATCH_BY_EMAIL, match);
        return row(Setting.MATCH_BY_EMAIL, null, match, "Off: only the record whose ID the person carries.");
    }

    private VBox reserveRow() {
        return numberRow(
                Setting.API_RESERVE_PERCENT,
                "API _reserve",
                "% of the daily API allowance",
                "A run stops "
                        + "before using this last share of the org's daily API calls (0 to 90), leaving it to the org's other "
                        + "integrations.");
    }

    private VBox thresholdRow() {
        return numberRow(
                Setting.BULK_THRESHOLD,
                "_Bulk API from",
                "records for one object",
                "From this many changes "
                        + "to Leads or to Contacts at once a run uses the Bulk API instead of SOAP (at least 1000).");
    }

    private VBox bulkQueryRow() {
        return numberRow(
                Setting.BULK_QUERY_FROM,
                "Bulk _query from",
                "records of one object, or off",
                "A full read of this many Leads or Contacts goes through one Bulk query job, a few calls per "
                        + "100 000 records instead of one per 2 000 (at least 10000; off keeps to SOAP pages).");
    }

    private VBox callsRow() {
        return numberRow(
                Setting.CALLS_IN_FLIGHT,
                "Calls in _flight",
                "calls to Salesforce at once",
                "A run keeps this many calls going at once: reading Leads and Contacts side by side, and "
                        + "sending updates of 200 in parallel (1 to 25; 1 sends one call at a time).");
    }

    /** A number field followed by its unit. */
    private VBox numberRow(Setting setting, String label, String unitWords, String help) {
        TextField number = text(setting);
        number.getStyleClass().add("number-field");
        HBox line = new HBox(6, number, unit(unitWords));
        line.getStyleClass().add("toolbar");
        return row(setting, label, line, help);
    }

    private VBox buttons() {
        Button save = new Button("_Save settings");
        save.setId("settings-save");
        save.getStyleClass().add("primary");
        save.disableProperty()
                .bind(form.changedProperty()
                        .not()
                        .or(form.validProperty().not())
                        .or(form.savingProperty()));
        save.setOnAction(e -> form.save());
        Button revert = new Button("Re_vert");
        revert.setId("settings-revert");
        revert.disableProperty().bind(form.changedProperty().not().or(form.savingProperty()));
        revert.setOnAction(e -> form.revert());
        Label status = Cards.text("", "help");
        status.setId("settings-status");
        status.textProperty().bind(form.statusProperty());
        FlowPane buttons = new FlowPane(10, 8, save, revert);
        buttons.getStyleClass().add("toolbar");
        // Below the buttons, not beside them: a flow pane keeps a label on one line, and at 200 % text this one
        // made the whole page wider than the window (a sideways scroll bar).
        return new VBox(6, buttons, status);
    }

    /** The words after a number box, which wrap rather than run past the card at large text. */
    private static Label unit(String words) {
        Label unit = Cards.text(words);
        unit.setMinWidth(0);
        HBox.setHgrow(unit, Priority.ALWAYS);
        return unit;
    }

    private TextField text(Setting setting) {
        TextField field = new TextField();
        field.setId(setting.key());
        field.textProperty().bindBidirectional(form.value(setting));
        inputs.put(setting, field);
        return field;
    }

    /** One setting: its name (the mnemonic focuses the input), the input, a help line, and its refusal if any. */
    private VBox row(Setting setting, String title, Node input, String help, Node... more) {
        VBox row = new VBox(4);
        row.getStyleClass().add("setting-row");
        if (title != null) {
            Label name = new Label(title);
            name.setMnemonicParsing(true);
            name.setLabelFor(inputs.get(setting));
            name.setWrapText(true);
            name.getStyleClass().add("setting-name");
            row.getChildren().add(name);
        }
        Label problem = Cards.text("", "field-problem");
        problem.setId(setting.key() + "-problem");
        problem.textProperty().bind(form.problem(setting));
        problem.visibleProperty().bind(form.problem(setting).isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Node shown = inputs.get(setting);
        form.problem(setting).addListener((o, was, now) -> {
            if (now.isEmpty()) {
                shown.getStyleClass().remove("invalid");
            } else if (!shown.getStyleClass().contains("invalid")) {
                shown.getStyleClass().add("invalid");
            }
        });
        row.getChildren().addAll(input, problem, Cards.text(help, "help"));
        row.getChildren().addAll(more);
        return row;
    }

    /** Focuses a setting's input and scrolls the page so that it shows. */
    private static void bringIntoView(Node input) {
        input.requestFocus();
        Platform.runLater(() -> {
            Parent parent = input.getParent();
            while (parent != null && !(parent instanceof ScrollPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof ScrollPane scroll && scroll.getContent() != null) {
                Bounds content = scroll.getContent().getLayoutBounds();
                Bounds at = scroll.getContent().sceneToLocal(input.localToScene(input.getLayoutBounds()));
                double room = content.getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 20) / room)));
                }
            }
        });
    }
}
