package com.pixfino.studio.gallery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails by result id, the {@link #KEEP} most recently shown kept (at a 184 px cell about 130 KB each,
 * so under 80 MB). Each loads on JavaFX's background loader at cell size; one evicted or abandoned before it finished
 * is cancelled, so scrolling fast through 50,000 results does not queue 50,000 decodes.
 */
final class ThumbnailCache {

    static final int KEEP = 600;

    private final double size;
    private final Map<UUID, Image> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Image> eldest) {
            if (size() > KEEP) {
                cancel(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    ThumbnailCache(double size) {
        this.size = size;
    }

    /** The decoded (or decoding) thumbnail, or null if none was started for this id. */
    Image cached(UUID id) {
        return recent.get(id);
    }

    Image load(UUID id, Path file) {
        return recent.computeIfAbsent(id, key -> new Image(file.toUri().toString(), size, size, true, true, true));
    }

    /** The cell moved on before this image finished: stop decoding it and forget it. */
    void abandon(UUID id) {
        Image image = recent.get(id);
        if (image != null && image.getProgress() < 1) {
            cancel(image);
            recent.remove(id);
        }
    }

    int size() {
        return recent.size();
    }

    private static void cancel(Image image) {
        if (image.getProgress() < 1) {
            image.cancel();
        }
    }
}
