package com.unsubscribesync.tour;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What a real window hides from the admin: text JavaFX shortened with an ellipsis (a {@link Labeled}'s text
 * compared with the text its skin renders), controls pushed past the edge of their window, and windows larger than
 * the screen. Runs on the FX thread.
 */
final class CutOff {
    /** Shortened on purpose: at large text the breadcrumb gives way first, it repeats the highlighted navigation. */
    private static final java.util.Set<String> MAY_SHORTEN = java.util.Set.of("breadcrumb");

    private CutOff() {}

    /**
     * Something cut off.
     *
     * @param where   the node by its id, or its kind and words and the nearest id around it
     * @param what    what is wrong, e.g. {@code shows "Resubscr..." of "Resubscribe…"}
     * @param serious false for a table or list cell: a column can be widened, so it is reported, not failed
     */
    record Offender(String where, String what, boolean serious) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    static List<Offender> in(Window window, Rectangle2D screen) {
        List<Offender> found = new ArrayList<>();
        if (window instanceof Stage stage) {
            Rectangle2D shown = new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight());
            if (!contains(screen, shown)) {
                found.add(new Offender(
                        "window \"" + stage.getTitle() + "\"",
                        String.format(
                                "is %.0fx%.0f at %.0f,%.0f " + "on a %.0fx%.0f screen",
                                shown.getWidth(),
                                shown.getHeight(),
                                shown.getMinX(),
                                shown.getMinY(),
                                screen.getWidth(),
                                screen.getHeight()),
                        true));
            }
        }
        if (window.getScene() != null) {
            Rectangle2D scene = new Rectangle2D(
                    0, 0, window.getScene().getWidth(), window.getScene().getHeight());
            walk(window.getScene().getRoot(), scene, found);
        }
        return found;
    }

    private static void walk(Node node, Rectangle2D area, List<Offender> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            elided(labeled).ifPresent(found::add);
        }
        boolean inScrollingList = node instanceof VirtualFlow<?> || node instanceof TableHeaderRow;
        if (!inScrollingList && important(node) && !contains(area, inScene(node))) {
            found.add(new Offender(
                    where(node),
                    "lies outside its window or scroll area: " + describe(inScene(node)) + " of " + describe(area),
                    true));
        }
        Rectangle2D inside = area;
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            inside = inScene(scroll.getContent());
        }
        if (node instanceof Parent parent && !inScrollingList) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, inside, found);
            }
        } else if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walkLabels(child, found);
            }
        }
    }

    /** Inside a scrolling list only the words count: rows out of view are out of view on purpose. */
    private static void walkLabels(Node node, List<Offender> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            elided(labeled).ifPresent(found::add);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walkLabels(child, found));
        }
    }

    private static boolean important(Node node) {
        return (node instanceof ButtonBase
                        || node instanceof TextInputControl
                        || node instanceof ComboBoxBase<?>
                        || node instanceof Label)
                && node.getLayoutBounds().getWidth() > 0;
    }

    private static java.util.Optional<Offender> elided(Labeled labeled) {
        String full = shown(labeled);
        if (full.isBlank()
                || (labeled.getId() != null && MAY_SHORTEN.contains(labeled.getId()))
                || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY
                || labeled.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text") && child.isVisible()) {
                String rendered = text.getText() == null ? "" : text.getText();
                // Layout bounds, not bounds in parent: the skin clips overflowing words, and the clip would hide it.
                Bounds drawn = text.getLayoutBounds();
                double top = text.getLayoutY() + text.getTranslateY() + drawn.getMinY();
                if (top + drawn.getHeight() > labeled.getHeight() + 1 || top < -1) {
                    // A row or box lower than its text (a fixed cell size at large text) shows half of each line.
                    return java.util.Optional.of(new Offender(
                            isCell(labeled) ? list(labeled) : where(labeled),
                            String.format(
                                    "is %.0f px high for words %.0f px high: \"%s\"",
                                    labeled.getHeight(), drawn.getHeight(), full),
                            true));
                }
                if (!rendered.equals(full) && !stale(labeled, rendered, full)) {
                    boolean cell = isCell(labeled);
                    return java.util.Optional.of(new Offender(
                            cell ? list(labeled) : where(labeled),
                            "shows \"" + rendered + "\" of \"" + full + "\"",
                            !cell));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * True when the skin still draws an earlier text: the label changed (a live counter) and the next layout pass has
     * not run yet. A shortened text carries the ellipsis, or is the start of the full one when the label clips.
     */
    static boolean stale(Labeled labeled, String rendered, String full) {
        String ellipsis = labeled.getEllipsisString();
        boolean shortened =
                (ellipsis != null && !ellipsis.isEmpty() && rendered.contains(ellipsis)) || full.startsWith(rendered);
        return !shortened;
    }

    /** A cell by the table or list it belongs to (and its column header by the table). */
    private static String list(Node cell) {
        for (Node at = cell.getParent(); at != null; at = at.getParent()) {
            if (at instanceof javafx.scene.control.Control
                    && at.getId() != null
                    && !at.getId().isBlank()) {
                return "#" + at.getId() + (isHeader(cell) ? " column headers" : " cells");
            }
        }
        return where(cell);
    }

    private static boolean isHeader(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof TableHeaderRow) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCell(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof IndexedCell<?> || at instanceof TableHeaderRow) {
                return true;
            }
        }
        return false;
    }

    /** The text as the skin should draw it: a mnemonic's underscore removed, a doubled one kept once. */
    static String shown(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        if (!labeled.isMnemonicParsing()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        boolean mnemonicSeen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '_') {
                    out.append('_');
                    i++;
                    continue;
                }
                if (!mnemonicSeen) {
                    mnemonicSeen = true;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static Rectangle2D inScene(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return new Rectangle2D(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }

    /** Half a pixel of slack for the rounding of snapped layouts. */
    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static String describe(Rectangle2D r) {
        return String.format("[%.0f,%.0f %.0fx%.0f]", r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    /** The node's id, or its kind and words inside the nearest node with an id. */
    static String where(Node node) {
        if (node.getId() != null && !node.getId().isBlank()) {
            return "#" + node.getId();
        }
        StringBuilder out = new StringBuilder(
                node.getClass().getSimpleName().isEmpty()
                        ? node.getClass().getName()
                        : node.getClass().getSimpleName());
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            String text = shown(labeled);
            out.append(" \"")
                    .append(text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    .append('"');
        }
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at.getId() != null && !at.getId().isBlank()) {
                return out.append(" in #").append(at.getId()).toString();
            }
        }
        return out.toString();
    }
}
