package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.LayoutChange;
import com.unsubscribesync.layout.LayoutState;
import com.unsubscribesync.layout.SectionPreview;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** "Add it for me": choose layouts, see the section the field goes into, save, and undo. */
final class AddForMePage {
    private final SObjectType type;
    private final LayoutWizardModel model;
    private final VBox choices = new VBox(6);
    private final VBox preview = new VBox(10);
    private final VBox saved = new VBox(6);
    private final List<CheckBox> boxes = new ArrayList<>();
    private final BooleanProperty nothingChosen = new SimpleBooleanProperty(true);
    private final String stylesheet;

    private AddForMePage(SObjectType type, LayoutWizardModel model, String stylesheet) {
        this.type = type;
        this.model = model;
        this.stylesheet = stylesheet;
    }

    static WizardPane of(SObjectType type, LayoutWizardModel model, String stylesheet) {
        return new AddForMePage(type, model, stylesheet).build();
    }

    private WizardPane build() {
        String key = type.apiName().toLowerCase(Locale.ROOT);
        Button show = new Button("_Preview", Icons.of("preview"));
        show.setId("preview-" + key);
        show.setOnAction(e -> model.preview(type, chosen()));
        Button save = new Button("_Add it for me", Icons.of("add"));
        save.setId("add-for-me-" + key);
        save.getStyleClass().add("primary");
        save.setOnAction(e -> {
            List<String> chosen = chosen();
            if (confirmed(save, LayoutWrite.Kind.ADD, labels(chosen))) {
                model.install(type, chosen);
            }
        });
        Button undo = new Button("_Undo", Icons.of("resubscribe"));
        undo.setId("undo-" + key);
        undo.setOnAction(e -> {
            if (confirmed(
                    undo,
                    LayoutWrite.Kind.UNDO,
                    model.lastChange(type).stream().map(LayoutChange::label).toList())) {
                model.undo(type);
            }
        });
        Label undoes = Cards.text("", "help");
        undoes.setId("undo-what-" + key);
        undoes.setMnemonicParsing(false);
        show.disableProperty().bind(model.busyProperty().or(nothingChosen));
        save.disableProperty().bind(model.busyProperty().or(nothingChosen));
        undo.disableProperty().bind(model.busyProperty());
        Runnable undoable = () -> {
            boolean any = !model.undoable(type).isEmpty();
            undo.setVisible(any);
            undo.setManaged(any);
            undoes.setVisible(any);
            undoes.setManaged(any);
            undoes.setText(
                    any
                            ? "Undo takes back the latest change: "
                                    + String.join(
                                            ", ",
                                            model.lastChange(type).stream()
                                                    .map(LayoutChange::label)
                                                    .toList())
                                    + (model.undoable(type).size() > 1
                                            ? " (then the one before, "
                                                    + (model.undoable(type).size() - 1) + " more)"
                                            : "")
                                    + "."
                            : "");
        };
        model.undoable(type).addListener((ListChangeListener<List<LayoutChange>>) c -> undoable.run());
        model.installed(type).addListener((ListChangeListener<LayoutChange>) c -> drawSaved());
        model.preview(type).addListener((ListChangeListener<LayoutChange>) c -> drawPreview());
        model.inspectionProperty().addListener((o, was, now) -> drawChoices());
        undoable.run();
        Label note = Cards.text("", "warning");
        note.textProperty().bind(model.fieldNote(type));
        note.visibleProperty().bind(model.fieldNote(type).isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        WizardPane page = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                drawChoices();
            }
        };
        return Pages.styled(
                page,
                stylesheet,
                "add-for-me-page-" + key,
                type.apiName() + ": add the field for me",
                Cards.text(
                        "The app reads each chosen layout, keeps a copy of it in the "
                                + "data directory, and saves it with the field added. Undo puts the copy back.",
                        "help"),
                choices,
                Pages.buttonRow(show, save, undo),
                undoes,
                note,
                preview,
                saved,
                Pages.status(model, type));
    }

    private void drawChoices() {
        boxes.clear();
        choices.getChildren().clear();
        model.of(type).ifPresent(object -> {
            for (LayoutState layout : object.layouts()) {
                CheckBox box = new CheckBox(layout.label()
                        + (layout.present()
                                ? " — has the field"
                                : layout.readable() ? "" : " (could not be read from Salesforce)"));
                if (layout.present()) {
                    javafx.scene.layout.Region mark = (javafx.scene.layout.Region) Icons.of("check", 16);
                    mark.getStyleClass().add("met");
                    box.setGraphic(mark);
                    box.getStyleClass().add("layout-done");
                }
                box.setId("choose-" + layout.fullName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
                // A packaged layout's name has underscores (mkto_si), which must not turn into keyboard mnemonics.
                box.setMnemonicParsing(false);
                box.setUserData(layout.fullName());
                box.setSelected(!layout.present() && layout.readable());
                box.setDisable(layout.present() || !layout.readable());
                box.selectedProperty().addListener((o, was, now) -> nothingChosen.set(chosen().isEmpty()));
                boxes.add(box);
                choices.getChildren().add(box);
            }
        });
        nothingChosen.set(chosen().isEmpty());
    }

    private boolean confirmed(javafx.scene.Node near, LayoutWrite.Kind kind, List<String> layouts) {
        return model.write(type, kind, layouts)
                .map(write -> WriteConfirmation.confirm(write, near, stylesheet))
                .orElse(false);
    }

    private List<String> labels(List<String> fullNames) {
        return model.of(type)
                .map(object -> object.layouts().stream()
                        .filter(l -> fullNames.contains(l.fullName()))
                        .map(LayoutState::label)
                        .toList())
                .orElse(fullNames);
    }

    private List<String> chosen() {
        return boxes.stream()
                .filter(CheckBox::isSelected)
                .map(b -> (String) b.getUserData())
                .toList();
    }

    private void drawPreview() {
        preview.getChildren().clear();
        for (LayoutChange change : model.preview(type)) {
            change.preview().ifPresent(section -> preview.getChildren().add(section(change.label(), section)));
            change.problem()
                    .ifPresent(p -> preview.getChildren().add(Cards.text(change.label() + ": " + p, "warning")));
        }
    }

    /** The section as it will look, the new field marked. */
    private static VBox section(String layout, SectionPreview section) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("section-preview");
        grid.setHgap(16);
        grid.setVgap(4);
        for (int column = 0; column < section.columns().size(); column++) {
            List<String> fields = section.columns().get(column);
            for (int row = 0; row < fields.size(); row++) {
                String name = fields.get(row);
                boolean isNew = name.equals(section.fieldApiName());
                Label cell = new Label(name.isEmpty() ? "(blank)" : isNew ? name + "  ← new" : name);
                cell.getStyleClass().add(isNew ? "preview-new" : "preview-field");
                grid.add(cell, column, row);
            }
        }
        return new VBox(
                4,
                Cards.text(
                        layout + " — section \"" + section.sectionLabel() + "\", column " + section.column()
                                + section.afterField().map(f -> ", below " + f).orElse(", at the top") + ":",
                        "requirement-title"),
                grid);
    }

    private void drawSaved() {
        saved.getChildren().clear();
        for (LayoutChange change : model.installed(type)) {
            String what = switch (change.outcome()) {
                case ADDED -> "added — the original is kept for Undo";
                case ALREADY_THERE -> "already had the field";
                case WOULD_ADD -> "would be added";
                case FAILED -> "not changed: " + change.problem().orElse("Salesforce refused it.");
                case NOT_TRIED -> "not tried: the run stopped before it";
            };
            saved.getChildren()
                    .add(Cards.text(
                            change.label() + ": " + what,
                            change.outcome() == LayoutChange.Outcome.ADDED
                                            || change.outcome() == LayoutChange.Outcome.ALREADY_THERE
                                    ? "outcome"
                                    : "warning"));
        }
    }
}
