package com.pixfino.studio.core.gallery;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A finished result as the local gallery keeps it. {@code thumbnail} and {@code original} are files in the
 * cache, or null while they have not been downloaded.
 */
public record GalleryItem(
        UUID id,
        String presetName,
        MediaKind kind,
        String prompt,
        String contentType,
        Integer width,
        Integer height,
        OffsetDateTime createdAt,
        Path thumbnail,
        Path original) {

    public static GalleryItem of(GenerationView view) {
        return new GalleryItem(
                view.id(),
                view.presetName(),
                view.kind(),
                view.prompt(),
                view.outputContentType(),
                view.width(),
                view.height(),
                view.completedAt() != null ? view.completedAt() : view.createdAt(),
                null,
                null);
    }

    public GalleryItem withThumbnail(Path file) {
        return new GalleryItem(id, presetName, kind, prompt, contentType, width, height, createdAt, file, original);
    }

    public GalleryItem withOriginal(Path file) {
        return new GalleryItem(id, presetName, kind, prompt, contentType, width, height, createdAt, thumbnail, file);
    }

    public boolean isVideo() {
        return kind == MediaKind.VIDEO || (contentType != null && contentType.startsWith("video/"));
    }

    /** File name extension of the original, from its content type. */
    public String extension() {
        if (contentType == null) {
            return isVideo() ? "mp4" : "jpg";
        }
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "video/mp4" -> "mp4";
            default -> isVideo() ? "mp4" : "jpg";
        };
    }
}
