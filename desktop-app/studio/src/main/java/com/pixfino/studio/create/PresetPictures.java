package com.pixfino.studio.create;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.presets.PresetPreviewCache;
import com.pixfino.studio.session.Session;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presets' preview pictures for the tiles and lists. Each is fetched once per session through the disk cache off
 * the UI thread (the kept copy when offline) and decoded by JavaFX's background loader; its property stays null,
 * so the monogram art shows, while loading, without a picture, offline without a kept copy, or on an error. UI thread
 * only.
 */
public final class PresetPictures {

    /** Pictures are decoded at this edge: a tile's art at twice its size, sharp on a HiDPI screen. */
    static final double DECODE_EDGE = 2 * 136;

    private static final Logger LOG = LoggerFactory.getLogger(PresetPictures.class);

    private final TaskExecutor tasks;
    private final Session session;
    private final PresetPreviewCache cache;
    private final Map<Long, ReadOnlyObjectWrapper<Image>> pictures = new HashMap<>();

    /** @param cache null: no pictures, the monogram art everywhere */
    public PresetPictures(TaskExecutor tasks, Session session, PresetPreviewCache cache) {
        this.tasks = tasks;
        this.session = session;
        this.cache = cache;
        // another account or server, or the server back: ask again (the tiles are rebuilt with the new catalog)
        session.signedInProperty().addListener((obs, was, now) -> pictures.clear());
        session.onlineProperty().addListener((obs, was, now) -> {
            if (now) {
                pictures.values().removeIf(picture -> picture.get() == null);
            }
        });
    }

    /** Pictures nowhere: the monogram art (tests of screens that are not about pictures). */
    public static PresetPictures none(TaskExecutor tasks, Session session) {
        return new PresetPictures(tasks, session, null);
    }

    /** The preset's picture, null until it is loaded; the first call for a preset starts loading it. */
    public ReadOnlyObjectProperty<Image> picture(PresetView preset) {
        ReadOnlyObjectWrapper<Image> picture = pictures.get(preset.id());
        if (picture == null) {
            picture = new ReadOnlyObjectWrapper<>(this, "picture");
            pictures.put(preset.id(), picture);
            load(preset, picture);
        }
        return picture.getReadOnlyProperty();
    }

    private void load(PresetView preset, ReadOnlyObjectWrapper<Image> picture) {
        if (cache == null || preset.thumbnailUrl() == null || !session.isSignedIn()) {
            return;
        }
        var api = session.api();
        String server = session.server().toString();
        boolean online = session.isOnline();
        tasks.run(
                () -> online ? cache.fresh(api, server, preset.id()) : cache.kept(server, preset.id()),
                (Optional<Path> file) -> file.ifPresent(path -> decode(preset, path, picture)),
                error -> LOG.warn("event=preset_picture_failed preset={} reason={}", preset.id(), error.getMessage()));
    }

    private static void decode(PresetView preset, Path file, ReadOnlyObjectWrapper<Image> picture) {
        Image image = new Image(file.toUri().toString(), DECODE_EDGE, DECODE_EDGE, true, true, true);
        if (image.getProgress() >= 1) {
            shown(preset, image, picture);
            return;
        }
        image.progressProperty().addListener((obs, was, now) -> {
            if (now.doubleValue() >= 1) {
                shown(preset, image, picture);
            }
        });
    }

    private static void shown(PresetView preset, Image image, ReadOnlyObjectWrapper<Image> picture) {
        if (image.isError()) {
            LOG.warn("event=preset_picture_unreadable preset={}", preset.id());
            return;
        }
        picture.set(image);
    }
}
