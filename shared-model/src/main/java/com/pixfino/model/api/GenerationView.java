package com.pixfino.model.api;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A generation as its owner sees it. {@code outputUrl}/{@code thumbnailUrl} are set once it is
 * {@code COMPLETED}; {@code error} once it is {@code FAILED}; {@code refunded} tells whether its
 * credits came back.
 *
 * <p>Library state: {@code favorite}, {@code tags} (trimmed, case-preserving, sorted), the ids of the
 * collections it is in, and {@code version}, which grows whenever anything in this view changes (the
 * change feed re-sends the item with the higher version); {@code updatedAt} is when that was.
 *
 * <p>Create options: {@code aspectRatio} ({@code "9:16"}), the {@code seed} it ran with (always recorded for new
 * generations; null on ones made before seeds were recorded), {@code groupId} tying the takes of one request,
 * {@code styleId} when made from one of the user's styles, and {@code presetVersion}, the preset's version then.
 */
public record GenerationView(
        UUID id,
        long presetId,
        String presetName,
        MediaKind kind,
        GenerationStatus status,
        int creditsCharged,
        boolean refunded,
        String prompt,
        UUID uploadId,
        String provider,
        String model,
        ErrorBody.Detail error,
        String outputUrl,
        String outputContentType,
        String thumbnailUrl,
        Integer width,
        Integer height,
        BigDecimal apiCostUsd,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        boolean favorite,
        List<String> tags,
        List<UUID> collectionIds,
        long version,
        OffsetDateTime updatedAt,
        String aspectRatio,
        Long seed,
        UUID groupId,
        UUID styleId,
        Integer presetVersion) {

    public GenerationView {
        tags = tags == null ? List.of() : List.copyOf(tags);
        collectionIds = collectionIds == null ? List.of() : List.copyOf(collectionIds);
    }
}
