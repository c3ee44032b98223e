package com.pixfino.model.api;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A generation as its owner sees it. {@code outputUrl}/{@code thumbnailUrl} are set once it is
 * {@code COMPLETED}; {@code error} once it is {@code FAILED}; {@code refunded} tells whether its
 * credits came back.
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
        OffsetDateTime completedAt) {}
