package com.pixfino.studio.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Small pictures of finished results for the batch table, decoded by JavaFX's background loader at thumbnail size
 * (never on the FX thread) and kept for the most recent {@link #CAPACITY} files, so scrolling back does not decode
 * again. Videos have none. FX thread only.
 */
final class OutputThumbnails {

    static final int CAPACITY = 400;
    static final double SIZE = 40;

    private final Map<Path, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The thumbnail of a result file, loading in the background; null for a file that is no picture. */
    Image of(Path output) {
        if (output == null || !isPicture(output)) {
            return null;
        }
        return cache.computeIfAbsent(
                output, file -> new Image(file.toUri().toString(), SIZE * 2, SIZE * 2, true, true, true));
    }

    static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }
}
