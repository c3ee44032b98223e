package com.pixfino.studio.core.gallery;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A finished result as the local gallery keeps it. {@code thumbnail} and {@code original} are files in the
 * cache, or null while they have not been downloaded. {@code library} is its synced library state (favourite,
 * tags, collections, the server's version of it); {@code provenance} is how it was made, for the viewer.
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
        Path original,
        LibraryState library,
        Provenance provenance) {

    /** Favourite, tags (sorted, case-preserving) and collection ids; {@code version} is the server's, 0 if never synced. */
    public record LibraryState(boolean favorite, List<String> tags, List<UUID> collectionIds, long version) {
        public static final LibraryState NONE = new LibraryState(false, List.of(), List.of(), 0);

        public LibraryState {
            tags = tags == null ? List.of() : List.copyOf(tags);
            collectionIds = collectionIds == null ? List.of() : List.copyOf(collectionIds);
        }

        public LibraryState withFavorite(boolean value) {
            return new LibraryState(value, tags, collectionIds, version);
        }
    }

    /**
     * How the result was made: the preset (and its version once presets carry one), the provider and model,
     * the credits charged, the input photo's upload id, when it was queued, started and finished, the format
     * ({@code "9:16"}), the seed, the group of takes it belongs to and the user's style (null for results made
     * before the studio knew them), and, for a result of a group, which of its finished takes it is ({@code take}
     * of {@code takes}, oldest first; 0 when not known).
     */
    public record Provenance(
            long presetId,
            Integer presetVersion,
            String provider,
            String model,
            int creditsCharged,
            UUID uploadId,
            OffsetDateTime queuedAt,
            OffsetDateTime startedAt,
            OffsetDateTime completedAt,
            String aspectRatio,
            Long seed,
            UUID groupId,
            UUID styleId,
            int take,
            int takes) {

        public static final Provenance UNKNOWN =
                new Provenance(0, null, null, null, 0, null, null, null, null, null, null, null, null, 0, 0);

        /** Run time from start to finish, or null when either end is unknown. */
        public Duration runTime() {
            return startedAt == null || completedAt == null ? null : Duration.between(startedAt, completedAt);
        }
    }

    public GalleryItem {
        library = library == null ? LibraryState.NONE : library;
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
    }

    /** An item with no library state and no provenance (as cached before sync knew them). */
    public GalleryItem(
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
        this(id, presetName, kind, prompt, contentType, width, height, createdAt, thumbnail, original, null, null);
    }

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
                null,
                new LibraryState(view.favorite(), view.tags(), view.collectionIds(), view.version()),
                new Provenance(
                        view.presetId(),
                        view.presetVersion(),
                        view.provider(),
                        view.model(),
                        view.creditsCharged(),
                        view.uploadId(),
                        view.createdAt(),
                        view.startedAt(),
                        view.completedAt(),
                        view.aspectRatio(),
                        view.seed(),
                        view.groupId(),
                        view.styleId(),
                        0,
                        0));
    }

    public GalleryItem withThumbnail(Path file) {
        return new GalleryItem(
                id,
                presetName,
                kind,
                prompt,
                contentType,
                width,
                height,
                createdAt,
                file,
                original,
                library,
                provenance);
    }

    public GalleryItem withOriginal(Path file) {
        return new GalleryItem(
                id,
                presetName,
                kind,
                prompt,
                contentType,
                width,
                height,
                createdAt,
                thumbnail,
                file,
                library,
                provenance);
    }

    public GalleryItem withLibrary(LibraryState state) {
        return new GalleryItem(
                id,
                presetName,
                kind,
                prompt,
                contentType,
                width,
                height,
                createdAt,
                thumbnail,
                original,
                state,
                provenance);
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
