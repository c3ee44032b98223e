package com.pixfino.studio.core.testsupport;

import com.pixfino.model.api.GenerationView;
import java.util.List;
import java.util.UUID;

/** Copies of a {@link GenerationView} with its library state, its create options or its size changed, the rest kept. */
public final class GenerationViews {

    private GenerationViews() {}

    public static GenerationView withLibraryState(
            GenerationView v, boolean favorite, List<String> tags, List<UUID> collectionIds, long version) {
        return copy(
                v,
                v.width(),
                v.height(),
                favorite,
                tags,
                collectionIds,
                version,
                v.aspectRatio(),
                v.seed(),
                v.groupId(),
                v.styleId(),
                v.presetVersion());
    }

    public static GenerationView withCreateOptions(
            GenerationView v, String aspectRatio, Long seed, UUID groupId, UUID styleId, Integer presetVersion) {
        return copy(
                v,
                v.width(),
                v.height(),
                v.favorite(),
                v.tags(),
                v.collectionIds(),
                v.version(),
                aspectRatio,
                seed,
                groupId,
                styleId,
                presetVersion);
    }

    /** The result as made {@code width}×{@code height} pixels. */
    public static GenerationView withSize(GenerationView v, int width, int height) {
        return copy(
                v,
                width,
                height,
                v.favorite(),
                v.tags(),
                v.collectionIds(),
                v.version(),
                v.aspectRatio(),
                v.seed(),
                v.groupId(),
                v.styleId(),
                v.presetVersion());
    }

    private static GenerationView copy(
            GenerationView v,
            Integer width,
            Integer height,
            boolean favorite,
            List<String> tags,
            List<UUID> collectionIds,
            long version,
            String aspectRatio,
            Long seed,
            UUID groupId,
            UUID styleId,
            Integer presetVersion) {
        return new GenerationView(
                v.id(),
                v.presetId(),
                v.presetName(),
                v.kind(),
                v.status(),
                v.creditsCharged(),
                v.refunded(),
                v.prompt(),
                v.uploadId(),
                v.provider(),
                v.model(),
                v.error(),
                v.outputUrl(),
                v.outputContentType(),
                v.thumbnailUrl(),
                width,
                height,
                v.apiCostUsd(),
                v.createdAt(),
                v.startedAt(),
                v.completedAt(),
                favorite,
                tags,
                collectionIds,
                version,
                v.updatedAt(),
                aspectRatio,
                seed,
                groupId,
                styleId,
                presetVersion);
    }
}
