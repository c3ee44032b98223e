package com.pixfino.studio.gallery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails for the grid, the most recently shown few hundred kept in memory. Images load on
 * JavaFX's background loader (never decoded on the FX thread), scaled to the cell on load.
 */
final class ThumbnailImages {

    private static final int KEEP = 400;

    private final double size;
    private final Map<Path, Image> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > KEEP;
        }
    };

    ThumbnailImages(double size) {
        this.size = size;
    }

    Image get(Path file) {
        return recent.computeIfAbsent(file, path -> new Image(path.toUri().toString(), size, size, true, true, true));
    }
}
