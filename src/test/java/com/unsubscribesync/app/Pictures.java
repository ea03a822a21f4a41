package com.unsubscribesync.app;

import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/** What a rendered picture holds, for telling a drawn screen from a blank one. */
final class Pictures {
    private Pictures() {}

    /** The number of different colours within {@code region} of {@code picture} (clipped to the picture). */
    static int distinctColours(Image picture, Bounds region) {
        PixelReader pixels = picture.getPixelReader();
        int fromX = (int) Math.max(0, region.getMinX());
        int fromY = (int) Math.max(0, region.getMinY());
        int toX = (int) Math.min(picture.getWidth(), region.getMaxX());
        int toY = (int) Math.min(picture.getHeight(), region.getMaxY());
        Set<Integer> colours = new HashSet<>();
        for (int y = fromY; y < toY; y++) {
            for (int x = fromX; x < toX; x++) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size();
    }
}
