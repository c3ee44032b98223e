package com.pixfino.studio.core.library;

import com.pixfino.model.api.GenerationView;
import java.util.List;
import java.util.UUID;

/** Copies of a {@link GenerationView} with its library state or its create options changed, the rest kept. */
final class GenerationViews {

    private GenerationViews() {}

    static GenerationView withLibraryState(
            GenerationView v, boolean favorite, List<String> tags, List<UUID> collectionIds, long version) {
        return copy(
                v,
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

    static GenerationView withCreateOptions(
            GenerationView v, String aspectRatio, Long seed, UUID groupId, UUID styleId, Integer presetVersion) {
        return copy(
                v,
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

    private static GenerationView copy(
            GenerationView v,
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
                v.width(),
                v.height(),
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
