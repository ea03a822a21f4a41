package com.unsubscribesync.ui.shell;

import com.unsubscribesync.ui.Icons;
import com.unsubscribesync.ui.Screen;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
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

/** The main window: header, Admin Settings navigation, the current screen and the status bar. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final Map<String, ToggleButton> navigation = new LinkedHashMap<>();
    private final TabPane unsubscribeTabs = new TabPane();
    private final Map<Screen, Node> screens;
    private final javafx.scene.layout.StackPane pages = new javafx.scene.layout.StackPane();
    private final ScrollPane viewport = new ScrollPane(pages);

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
        list.setTooltip(new javafx.scene.control.Tooltip(
                "Unsubscribes (" + shortcut(Screen.UNSUBSCRIBES).getDisplayText() + ")"));
        Tab integrations = new Tab("Integrations", screens.get(Screen.INTEGRATIONS));
        integrations.setId("tab-integrations");
        integrations.setTooltip(new javafx.scene.control.Tooltip(
                "Integrations (" + shortcut(Screen.INTEGRATIONS).getDisplayText() + ")"));
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
        // A screen narrower or shorter than its content at large text scrolls; the header and status bar stay whole.
        // A screen a pixel or two taller than the viewport measured it overflows into the bottom margin, never above
        // the top, so its first title and last button stay in reach of the scroll bar.
        pages.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        pages.getStyleClass().add("screen-pages");
        viewport.setFitToWidth(true);
        viewport.setFitToHeight(true);
        viewport.setFocusTraversable(false);
        viewport.setId("screen-viewport");
        viewport.getStyleClass().add("screen-viewport");
        setCenter(viewport);
        styleProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.textSizeProperty().get().style(), model.textSizeProperty()));
        model.screenProperty().addListener((o, was, now) -> show(now));
        show(model.screenProperty().get());
        ShownMnemonics.install(this);
    }

    private Node header() {
        Label title = new Label("Unsubscribe Sync", Icons.of("logo", 26));
        title.getStyleClass().add("app-title");
        Label breadcrumb = new Label();
        breadcrumb.setId("breadcrumb");
        breadcrumb.getStyleClass().add("breadcrumb");
        breadcrumb
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.screenProperty().get().breadcrumb(), model.screenProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label demo = new Label("DEMO ORG");
        demo.setId("demo-badge");
        demo.getStyleClass().add("demo-badge");
        demo.visibleProperty().bind(model.demoProperty());
        MenuButton textSize = textSizeMenu();
        // At large text on a small screen the breadcrumb gives way first: it repeats the highlighted navigation.
        for (Region keep : List.of(title, demo, textSize)) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        breadcrumb.setMinWidth(0);
        HBox header = new HBox(18, title, breadcrumb, spacer, demo, textSize);
        header.getStyleClass().add("header");
        return header;
    }

    /**
     * Ctrl/Cmd with + and − scale every text in the window; Ctrl/Cmd+0 goes back to normal. The + is Shift+= on
     * most keyboards, its own key on others and on the keypad: every one of them enlarges, as does Ctrl+= alone.
     */
    private MenuButton textSizeMenu() {
        MenuItem larger = new MenuItem("Larger text");
        larger.setAccelerator(
                new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY));
        larger.setOnAction(e -> model.largerText());
        MenuItem smaller = new MenuItem("Smaller text");
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        smaller.setOnAction(e -> model.smallerText());
        MenuItem normal = new MenuItem("Normal size");
        normal.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        normal.setOnAction(e -> model.normalText());
        MenuButton menu = new MenuButton("", Icons.of("text-size", 16), larger, smaller, normal);
        menu.setId("text-size");
        menu.getStyleClass().add("text-size");
        menu.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> "Text " + model.textSizeProperty().get().percent() + " %", model.textSizeProperty()));
        menu.setTooltip(new javafx.scene.control.Tooltip("Text size: Ctrl + and Ctrl − (Cmd on a Mac), Ctrl 0 resets"));
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                for (KeyCode plus : List.of(KeyCode.ADD, KeyCode.PLUS)) {
                    scene.getAccelerators()
                            .put(
                                    new KeyCodeCombination(
                                            plus, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
                                    model::largerText);
                }
                scene.getAccelerators()
                        .put(
                                new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                                model::smallerText);
            }
        });
        return menu;
    }

    private Node navigation() {
        Label settings = new Label("ADMIN SETTINGS", Icons.of("settings", 14));
        settings.getStyleClass().add("nav-heading");
        VBox nav = new VBox(4, settings);
        nav.getStyleClass().add("navigation");
        ToggleGroup group = new ToggleGroup();
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
            entry.setTooltip(new javafx.scene.control.Tooltip(screen.navigation() + " (" + shortcuts(screen) + ")"));
            navigation.put(screen.navigation(), entry);
            nav.getChildren().add(entry);
        }
        nav.getChildren().add(1, new Separator());
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                for (Screen screen : Screen.values()) {
                    scene.getAccelerators()
                            .put(shortcut(screen), () -> model.screenProperty().set(screen));
                }
            }
        });
        return nav;
    }

    /** Ctrl+1 … Ctrl+6: one per screen, in the order of the navigation, the Integrations tab included. */
    private static KeyCombination shortcut(Screen screen) {
        return new KeyCodeCombination(
                KeyCode.getKeyCode(String.valueOf(screen.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
    }

    /** The shortcuts that lead to a navigation entry's screens: "Ctrl+1", or "Ctrl+1, Ctrl+2" for two tabs. */
    private static String shortcuts(Screen entry) {
        return String.join(
                ", ",
                java.util.Arrays.stream(Screen.values())
                        .filter(screen -> screen.navigation().equals(entry.navigation()))
                        .map(screen -> shortcut(screen).getDisplayText()
                                + screen.tab().map(tab -> " " + tab).orElse(""))
                        .toList());
    }

    /** A layer over the screens, such as the welcome; it hides itself when it has nothing to show. */
    public void overlay(Node layer) {
        javafx.scene.layout.StackPane layers = new javafx.scene.layout.StackPane(viewport, layer);
        setCenter(layers);
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
        // Hidden screens leave the layout too, so the widest of them does not make every screen scroll sideways.
        boolean changed = !current.isVisible();
        pages.getChildren().forEach(page -> {
            page.setVisible(page == current);
            page.setManaged(page == current);
        });
        if (changed) {
            // Another screen opens at its top left, not where the previous one was scrolled to (seen at 200 %).
            viewport.setVvalue(viewport.getVmin());
            viewport.setHvalue(viewport.getHmin());
        }
        // A field of the screen just hidden would keep the keys (and swallow the shown screen's mnemonics).
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        if (focused != null && !ShownMnemonics.shown(focused)) {
            navigation.get(screen.navigation()).requestFocus();
        }
    }

    /**
     * The connected org on the left, outbox, next run and API usage on the right; at large text on a small window
     * the right-hand items wrap onto a second line instead of being cut off.
     */
    private Node statusBar() {
        Label org = new Label("", Icons.of("connection", 14));
        org.setId("status-org");
        org.textProperty().bind(model.orgProperty());
        org.setMinWidth(Region.USE_PREF_SIZE);
        Label outbox = statusItem("status-outbox", model.outboxProperty());
        Label next = statusItem("status-next-run", model.nextRunProperty());
        Label api = statusItem("status-api", model.apiUsageProperty());
        javafx.scene.layout.FlowPane right = new javafx.scene.layout.FlowPane(outbox, next, api);
        right.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        right.getStyleClass().add("status-items");
        BorderPane bar = new BorderPane(right);
        bar.setLeft(org);
        // As tall as the lines the items really wrap onto at the bar's width (two at 200 % text on 1024 pixels):
        // the window asks the bar for one line's height, and the second was cut off.
        bar.minHeightProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> right.prefHeight(right.getWidth())
                                + bar.getInsets().getTop()
                                + bar.getInsets().getBottom(),
                        right.widthProperty(),
                        outbox.textProperty(),
                        next.textProperty(),
                        api.textProperty(),
                        model.textSizeProperty()));
        BorderPane.setAlignment(org, javafx.geometry.Pos.CENTER_LEFT);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Label statusItem(String id, javafx.beans.value.ObservableStringValue text) {
        Label item = new Label();
        item.setId(id);
        item.getStyleClass().add("status-item");
        item.textProperty().bind(text);
        item.setMinWidth(Region.USE_PREF_SIZE);
        return item;
    }
}
