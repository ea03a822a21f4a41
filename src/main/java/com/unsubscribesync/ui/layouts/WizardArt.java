package com.unsubscribesync.ui.layouts;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The pictures of the setup steps, drawn with shapes for this project: a plain browser window with the one thing to
 * click or drag in blue and a pointer on it. The same drawings are saved as assets/wizard/*.png.
 */
public final class WizardArt {
    public static final double WIDTH = 440;
    public static final double HEIGHT = 230;
    private static final Color FRAME = Color.web("#c9d1dc");
    private static final Color INK = Color.web("#1f2933");
    private static final Color MUTED = Color.web("#6b7785");
    private static final Color ACCENT = Color.web("#0b5cab");
    private static final Color SOFT = Color.web("#e3ecfd");
    private static final Color PANEL = Color.web("#f4f6f9");

    private WizardArt() {}

    /** The picture of one step, naming the object ("Contact" or "Lead") and the field where they appear. */
    public static Pane of(SetupStep step, String object, String fieldLabel) {
        Pane pane = new Pane(browser());
        pane.setPrefSize(WIDTH, HEIGHT);
        pane.setMinSize(WIDTH, HEIGHT);
        pane.setMaxSize(WIDTH, HEIGHT);
        pane.getStyleClass().add("wizard-art");
        pane.getChildren()
                .add(
                        switch (step) {
                            case LOG_IN -> logIn();
                            case SETUP -> setup();
                            case QUICK_FIND -> quickFind(object);
                            case PAGE_LAYOUTS -> pageLayouts(object);
                            case DRAG_FIELD -> dragField(fieldLabel);
                            case SAVE -> save(object);
                        });
        pane.setAccessibleText("Picture: " + step.title());
        return pane;
    }

    private static Group browser() {
        Rectangle window = box(10, 10, WIDTH - 20, HEIGHT - 20, Color.WHITE, FRAME);
        window.setArcWidth(14);
        window.setArcHeight(14);
        Rectangle bar = box(10, 10, WIDTH - 20, 28, PANEL, FRAME);
        Group group = new Group(window, bar);
        for (int i = 0; i < 3; i++) {
            group.getChildren()
                    .add(new Circle(
                            26 + i * 14, 24, 4, Color.web(i == 0 ? "#e5534b" : i == 1 ? "#d4a72c" : "#2da44e")));
        }
        Rectangle address = box(80, 16, 260, 16, Color.WHITE, FRAME);
        address.setArcWidth(8);
        address.setArcHeight(8);
        group.getChildren().addAll(address, text("your-org.my.salesforce.com", 88, 28, 10, MUTED, false));
        return group;
    }

    private static Group logIn() {
        Group g = new Group(
                box(150, 52, 140, 160, PANEL, FRAME),
                text("Log in", 196, 74, 14, INK, true),
                box(162, 88, 116, 22, Color.WHITE, FRAME),
                text("admin@your-org", 168, 103, 10, MUTED, false),
                box(162, 118, 116, 22, Color.WHITE, FRAME),
                text("••••••••", 168, 133, 10, MUTED, false),
                button(162, 152, 116, "Log In"),
                text("System Administrator", 164, 200, 10, MUTED, false));
        g.getChildren().add(pointer(250, 166));
        return g;
    }

    private static Group setup() {
        Circle gear = new Circle(392, 56, 11, SOFT);
        gear.setStroke(ACCENT);
        gear.setStrokeWidth(2);
        Circle hub = new Circle(392, 56, 4, ACCENT);
        Rectangle menu = box(288, 74, 128, 70, Color.WHITE, FRAME);
        Group g = new Group(
                box(10, 38, WIDTH - 20, 36, Color.web("#f8fafc"), FRAME),
                text("Sales", 24, 61, 12, INK, true),
                gear,
                hub,
                menu,
                highlight(292, 80, 120, 24),
                text("Setup", 302, 97, 12, ACCENT, true),
                text("Developer Console", 302, 128, 11, MUTED, false));
        g.getChildren().addAll(pointer(388, 92), lines(30, 100, 240, 4));
        return g;
    }

    private static Group quickFind(String object) {
        Group g = new Group(
                box(10, 38, 176, HEIGHT - 48, PANEL, FRAME),
                box(20, 50, 150, 24, Color.WHITE, ACCENT),
                text(object, 28, 67, 12, INK, false),
                text(object, 24, 98, 12, INK, true),
                text("Fields & Relationships", 34, 120, 11, MUTED, false),
                highlight(28, 128, 146, 22),
                text("Page Layouts", 34, 144, 12, ACCENT, true),
                text("Lightning Record Pages", 34, 170, 10, MUTED, false));
        g.getChildren().addAll(pointer(148, 142), lines(204, 60, 206, 5));
        return g;
    }

    private static Group pageLayouts(String object) {
        Group g = new Group(
                text(object + " › Page Layouts", 24, 62, 13, INK, true),
                box(24, 74, 392, 24, PANEL, FRAME),
                text("Page Layout Name", 34, 90, 11, MUTED, true));
        String[] rows = {object + " Layout", "Marketing " + object + " Layout"};
        for (int i = 0; i < rows.length; i++) {
            double y = 98 + i * 30;
            g.getChildren().addAll(box(24, y, 392, 30, Color.WHITE, FRAME), text(rows[i], 34, y + 19, 12, INK, false));
            if (i == 0) {
                g.getChildren().addAll(highlight(352, y + 5, 50, 20), text("Edit", 364, y + 19, 12, ACCENT, true));
            } else {
                g.getChildren().add(text("Edit", 364, y + 19, 12, MUTED, false));
            }
        }
        g.getChildren().add(pointer(390, 114));
        return g;
    }

    private static Group dragField(String fieldLabel) {
        Group g = new Group(
                box(20, 44, 400, 62, PANEL, FRAME),
                highlight(28, 50, 56, 20),
                text("Fields", 38, 64, 12, ACCENT, true),
                text("Buttons", 98, 64, 11, MUTED, false),
                text("Links", 160, 64, 11, MUTED, false),
                chip(28, 78, 110, "Email", false),
                chip(146, 78, 130, fieldLabel, true),
                chip(284, 78, 110, "Phone", false),
                box(20, 118, 400, 92, Color.WHITE, FRAME),
                text("Contact Information", 30, 136, 12, INK, true));
        for (int row = 0; row < 3; row++) {
            g.getChildren().add(box(30, 146 + row * 20, 180, 16, PANEL, null));
            if (row < 2) {
                g.getChildren().add(box(226, 146 + row * 20, 180, 16, PANEL, null));
            }
        }
        Rectangle drop = box(226, 186, 180, 16, SOFT, ACCENT);
        drop.getStrokeDashArray().addAll(4.0, 3.0);
        Line path = new Line(212, 100, 300, 184);
        path.setStroke(ACCENT);
        path.setStrokeWidth(2);
        path.getStrokeDashArray().addAll(5.0, 4.0);
        g.getChildren().addAll(drop, path, pointer(304, 190));
        return g;
    }

    private static Group save(String object) {
        Group g = new Group(
                box(20, 44, 400, 34, PANEL, FRAME),
                button(30, 50, 70, "Save"),
                text("Quick Save", 114, 66, 11, MUTED, false),
                text("Cancel", 194, 66, 11, MUTED, false),
                text(object + " Layout", 292, 66, 12, INK, true),
                box(20, 90, 400, 110, Color.WHITE, FRAME));
        g.getChildren().addAll(lines(34, 104, 200, 4), pointer(92, 66));
        Circle done = new Circle(370, 150, 22, Color.web("#eaf6ee"));
        done.setStroke(Color.web("#2da44e"));
        done.setStrokeWidth(2);
        Polygon tick = new Polygon(358, 150, 366, 159, 383, 140, 379, 136, 366, 151, 362, 146);
        tick.setFill(Color.web("#2da44e"));
        g.getChildren().addAll(done, tick);
        return g;
    }

    private static Node button(double x, double y, double width, String label) {
        Rectangle body = box(x, y, width, 22, ACCENT, null);
        body.setArcWidth(8);
        body.setArcHeight(8);
        Text words = text(label, 0, y + 15, 12, Color.WHITE, true);
        words.setX(x + (width - words.getLayoutBounds().getWidth()) / 2);
        return new Group(body, words);
    }

    private static Node chip(double x, double y, double width, String label, boolean chosen) {
        Rectangle body = box(x, y, width, 20, chosen ? SOFT : Color.WHITE, chosen ? ACCENT : FRAME);
        body.setArcWidth(6);
        body.setArcHeight(6);
        if (chosen) {
            body.setStrokeWidth(2);
        }
        return new Group(body, text(label, x + 8, y + 14, 11, chosen ? ACCENT : INK, chosen));
    }

    private static Node highlight(double x, double y, double width, double height) {
        Rectangle r = box(x, y, width, height, SOFT, ACCENT);
        r.setArcWidth(6);
        r.setArcHeight(6);
        r.setStrokeWidth(1.5);
        return r;
    }

    /** Grey bars standing for text that does not matter. */
    private static Group lines(double x, double y, double width, int count) {
        Group g = new Group();
        for (int i = 0; i < count; i++) {
            g.getChildren().add(box(x, y + i * 18, width * (i % 2 == 0 ? 1 : 0.7), 8, Color.web("#e6eaf0"), null));
        }
        return g;
    }

    /** A mouse pointer whose tip is at (x, y). */
    private static Polygon pointer(double x, double y) {
        Polygon arrow = new Polygon(0, 0, 0, 18, 5, 14, 9, 22, 12, 21, 8, 13, 14, 13);
        arrow.setTranslateX(x);
        arrow.setTranslateY(y);
        arrow.setFill(INK);
        arrow.setStroke(Color.WHITE);
        arrow.setStrokeWidth(1.2);
        return arrow;
    }

    private static Rectangle box(double x, double y, double width, double height, Color fill, Color stroke) {
        Rectangle r = new Rectangle(x, y, width, height);
        r.setFill(fill);
        if (stroke != null) {
            r.setStroke(stroke);
        }
        return r;
    }

    private static Text text(String words, double x, double y, double size, Color color, boolean bold) {
        Text t = new Text(x, y, words);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.setFill(color);
        return t;
    }
}
