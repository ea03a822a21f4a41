package com.unsubscribesync.ui;

/**
 * The size of the console's text, in pixels of the root font. Every other size in the stylesheet is in em, so the
 * whole window scales with it.
 */
public record TextSize(int pixels) {
    public static final TextSize NORMAL = new TextSize(13);
    static final int SMALLEST = 10;
    /** Twice the normal size: 200 %. */
    static final int LARGEST = 26;

    public TextSize {
        pixels = Math.max(SMALLEST, Math.min(LARGEST, pixels));
    }

    public TextSize larger() {
        return new TextSize(pixels + (pixels >= 16 ? 2 : 1));
    }

    public TextSize smaller() {
        return new TextSize(pixels - (pixels > 16 ? 2 : 1));
    }

    /** As a share of the normal size, the way the admin reads it: "115 %". */
    public int percent() {
        return Math.round(pixels * 100f / NORMAL.pixels);
    }

    /**
     * The style that carries the console's text size (Ctrl+= / Ctrl+-), set on its root or the shell just under it,
     * for a window of its own to use the same size; empty when the owner has none.
     */
    public static String styleOf(javafx.stage.Window owner) {
        if (owner.getScene() == null) {
            return "";
        }
        java.util.List<javafx.scene.Node> candidates =
                new java.util.ArrayList<>(java.util.List.of(owner.getScene().getRoot()));
        candidates.addAll(owner.getScene().getRoot().getChildrenUnmodifiable());
        return candidates.stream()
                .map(javafx.scene.Node::getStyle)
                .filter(style -> style.contains("-fx-font-size"))
                .findFirst()
                .orElse("");
    }

    public String style() {
        return "-fx-font-size: " + pixels + "px;";
    }
}
