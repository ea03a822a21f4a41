package com.unsubscribesync.ui;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/** The main window: header, Admin Settings navigation, the current screen and the status bar. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final Map<String, ToggleButton> navigation = new LinkedHashMap<>();
    private final TabPane unsubscribeTabs = new TabPane();
    private final Map<Screen, Node> screens;
    private final javafx.scene.layout.StackPane pages = new javafx.scene.layout.StackPane();

    /** @param screens the view of each screen; Unsubscribes and Integrations become the tabs of one page */
    public ShellView(ShellViewModel model, Map<Screen, Node> screens) {
        this.model = model;
        this.screens = new EnumMap<>(screens);
        getStyleClass().add("shell");
        setTop(header());
        setLeft(navigation());
        setBottom(statusBar());
        Tab list = new Tab("Unsubscribes", screens.get(Screen.UNSUBSCRIBES));
        list.setId("tab-unsubscribes");
        Tab integrations = new Tab("Integrations", screens.get(Screen.INTEGRATIONS));
        integrations.setId("tab-integrations");
        unsubscribeTabs.getTabs().addAll(list, integrations);
        unsubscribeTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        unsubscribeTabs.getStyleClass().add("page-tabs");
        unsubscribeTabs.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> {
            Screen chosen = tab == integrations ? Screen.INTEGRATIONS : Screen.UNSUBSCRIBES;
            if (model.screenProperty().get().tab().isPresent()) {
                model.screenProperty().set(chosen);
            }
        });
        // Every screen stays in the scene and only the current one is visible: switching then costs no new CSS pass.
        pages.getChildren().add(unsubscribeTabs);
        for (Screen screen : Screen.values()) {
            if (screen.tab().isEmpty()) {
                pages.getChildren().add(this.screens.get(screen));
            }
        }
        setCenter(pages);
        model.screenProperty().addListener((o, was, now) -> show(now));
        show(model.screenProperty().get());
    }

    private Node header() {
        Label title = new Label("Unsubscribe Sync", Icons.of("logo", 26));
        title.getStyleClass().add("app-title");
        Label breadcrumb = new Label();
        breadcrumb.setId("breadcrumb");
        breadcrumb.getStyleClass().add("breadcrumb");
        breadcrumb.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.screenProperty().get().breadcrumb(), model.screenProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label demo = new Label("DEMO ORG");
        demo.setId("demo-badge");
        demo.getStyleClass().add("demo-badge");
        demo.visibleProperty().bind(model.demoProperty());
        HBox header = new HBox(18, title, breadcrumb, spacer, demo);
        header.getStyleClass().add("header");
        return header;
    }

    private Node navigation() {
        Label settings = new Label("ADMIN SETTINGS", Icons.of("settings", 14));
        settings.getStyleClass().add("nav-heading");
        VBox nav = new VBox(4, settings);
        nav.getStyleClass().add("navigation");
        ToggleGroup group = new ToggleGroup();
        int number = 1;
        for (Screen screen : Screen.values()) {
            if (navigation.containsKey(screen.navigation())) {
                continue;
            }
            ToggleButton entry = new ToggleButton(screen.navigation(), Icons.of(screen.icon()));
            entry.setId("nav-" + screen.icon());
            entry.setToggleGroup(group);
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.getStyleClass().add("nav-entry");
            entry.setOnAction(e -> {
                entry.setSelected(true);
                choose(screen);
            });
            KeyCombination shortcut = new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(number++)),
                    KeyCombination.SHORTCUT_DOWN);
            entry.setTooltip(new javafx.scene.control.Tooltip(screen.navigation() + " (" + shortcut.getDisplayText()
                    + ")"));
            sceneProperty().addListener((o, was, scene) -> {
                if (scene != null) {
                    scene.getAccelerators().put(shortcut, entry::fire);
                }
            });
            navigation.put(screen.navigation(), entry);
            nav.getChildren().add(entry);
        }
        nav.getChildren().add(1, new Separator());
        return nav;
    }

    private void choose(Screen screen) {
        if (screen.tab().isPresent() && model.screenProperty().get().tab().isPresent()) {
            return;
        }
        model.screenProperty().set(screen);
    }

    private void show(Screen screen) {
        navigation.get(screen.navigation()).setSelected(true);
        Node current = screen.tab().isPresent() ? unsubscribeTabs : screens.get(screen);
        if (screen.tab().isPresent()) {
            unsubscribeTabs.getSelectionModel().select(screen == Screen.INTEGRATIONS ? 1 : 0);
        }
        pages.getChildren().forEach(page -> page.setVisible(page == current));
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(model.orgProperty());
        bar.setGraphic(Icons.of("connection", 14));
        Label outbox = new Label();
        outbox.setId("status-outbox");
        outbox.textProperty().bind(model.outboxProperty());
        Label next = new Label();
        next.setId("status-next-run");
        next.textProperty().bind(model.nextRunProperty());
        Label api = new Label();
        api.setId("status-api");
        api.textProperty().bind(model.apiUsageProperty());
        bar.getRightItems().addAll(outbox, new Separator(javafx.geometry.Orientation.VERTICAL), next,
                new Separator(javafx.geometry.Orientation.VERTICAL), api);
        return bar;
    }
}
