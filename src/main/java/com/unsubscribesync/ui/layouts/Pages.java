package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.layout.LayoutState;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.ui.Cards;
import com.unsubscribesync.ui.Icons;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.WizardPane;

/** The pieces the wizard's pages share: a styled page, the ✓/✗ list of layouts, copyable text, the status line. */
final class Pages {
    private Pages() {}

    static WizardPane page(String stylesheet, String id, String header, Node... content) {
        return styled(new WizardPane(), stylesheet, id, header, content);
    }

    static WizardPane styled(WizardPane pane, String stylesheet, String id, String header, Node... content) {
        pane.setId(id);
        pane.getStylesheets().add(stylesheet);
        pane.getStyleClass().add("layout-wizard");
        pane.setHeaderText(header);
        VBox body = new VBox(12, content);
        body.getStyleClass().add("wizard-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("wizard-scroll");
        pane.setContent(scroll);
        // The header's "?" explains the page; bound, so the library's picture in its stylesheet cannot replace it.
        Button help = WizardHelp.button(id);
        pane.graphicProperty().bind(new javafx.beans.property.SimpleObjectProperty<>(help));
        // The page's size is in the stylesheet (em); the content scrolls, so a small window cuts nothing off.
        pane.getStyleClass().add("wizard-page");
        return pane;
    }

    /** Buttons in a row that wraps onto the next line when the page is narrow or the text large. */
    static javafx.scene.layout.FlowPane buttonRow(Node... buttons) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(10, 8, buttons);
        row.getStyleClass().add("wizard-buttons");
        return row;
    }

    /** Each layout of the object with a check or a cross. */
    static VBox layoutList(ObjectLayouts object) {
        VBox rows = new VBox(6);
        rows.getStyleClass().add("layout-list");
        if (!object.layoutsReadable()) {
            rows.getChildren().add(Cards.text("The layouts could not be read with this user's permissions.", "help"));
            return rows;
        }
        if (object.layouts().isEmpty()) {
            rows.getChildren().add(Cards.text(object.object().apiName() + " has no page layouts.", "help"));
        }
        for (LayoutState layout : object.layouts()) {
            Region mark = (Region) Icons.of(layout.present() ? "check" : "cross", 16);
            mark.getStyleClass().add(layout.present() ? "met" : "unmet");
            String state = !layout.readable()
                    ? "could not be read from Salesforce: check it in Setup"
                    : layout.present()
                            ? "has the field"
                                    + layout.behavior().map(b -> " (" + b + ")").orElse("")
                            : "missing";
            Label words = new Label(layout.label() + " — " + state);
            words.setGraphic(mark);
            words.setGraphicTextGap(8);
            words.getStyleClass().add("layout-row");
            words.setAccessibleText(
                    (!layout.readable() ? "Could not be read: " : layout.present() ? "Has the field: " : "Missing: ")
                            + layout.label());
            rows.getChildren().add(words);
        }
        return rows;
    }

    /** What field-level security or the package means for this object, and what to do; empty when all is well. */
    static Optional<Label> fieldWarning(ObjectLayouts object) {
        String field = "\"" + object.fieldLabel() + "\"";
        String text = switch (object.visibility()) {
            case EDITABLE -> null;
            case READ_ONLY ->
                field + " is read-only for the connected user (field-level security): on the layout it "
                        + "shows, but the sync cannot set it. In Setup › Object Manager › "
                        + object.object().apiName()
                        + " › Fields › " + object.fieldLabel() + " › Set Field-Level Security, make it editable.";
            case HIDDEN ->
                field + " is hidden from the connected user by field-level security: even on the layout "
                        + "it stays invisible and the sync cannot set it. In Setup › Object Manager › "
                        + object.object().apiName() + " › Fields › " + object.fieldLabel()
                        + " › Set Field-Level Security, "
                        + "make it visible and editable.";
            case PACKAGE_NOT_INSTALLED ->
                field + " is not in this org: the Marketo Sales Insight package is not "
                        + "installed (or hides the field). Install it from the AppExchange, or choose Email Opt Out on the "
                        + "Integrations tab.";
            case NOT_A_CHECKBOX, AMBIGUOUS, NOT_FOUND -> object.problem().orElse(field + " cannot be placed.");
        };
        if (text == null) {
            return Optional.empty();
        }
        Label warning = Cards.text(text, "warning");
        warning.setId("field-warning-" + object.object().apiName().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(warning);
    }

    static boolean placeable(ObjectLayouts object) {
        return object.visibility().placeable();
    }

    /** A read-only line (a URL) with a Copy button. */
    static HBox copyableLine(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(8, field, copyButton(field::getText));
        row.getStyleClass().add("toolbar");
        return row;
    }

    /** Read-only text (a request to an admin) with a Copy button. */
    static VBox copyableText(String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(11);
        area.textProperty().bind(text);
        return new VBox(8, area, copyButton(area::getText));
    }

    private static Button copyButton(java.util.function.Supplier<String> text) {
        Button copy = new Button("Copy", Icons.of("copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        return copy;
    }

    /** A button that opens a Setup page in the browser. */
    static Button openInBrowser(String label, String url, Consumer<String> browser) {
        Button open = new Button(label, Icons.of("open"));
        open.getStyleClass().add("primary");
        open.setOnAction(e -> browser.accept(url));
        return open;
    }

    /** The spinner while the org is asked, and the last outcome or problem. */
    static HBox status(LayoutWizardModel model, com.unsubscribesync.domain.SObjectType type) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("busy");
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
        Label message = Cards.text("", "help");
        message.getStyleClass().add("wizard-message");
        message.textProperty().bind(model.message(type));
        message.setId("wizard-message-" + type.apiName().toLowerCase(java.util.Locale.ROOT));
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox row = new HBox(8, spinner, message);
        row.getStyleClass().add("progress-row");
        return row;
    }
}
