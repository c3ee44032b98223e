package com.pixfino.model.api.admin;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import java.util.List;
import java.util.Map;

/**
 * A preset in the admin table, inactive ones included. Money is a decimal string: {@code apiCostUsd},
 * {@code marginUsd} = credits × the credit value − API cost, and {@code marginPct} = margin ÷ (credits × the credit
 * value) × 100 with one decimal ({@code "73.5"}). {@code uses} counts the generations started from it;
 * {@code version} grows with every change.
 */
public record AdminPresetView(
        long id,
        String slug,
        String name,
        PresetCategory category,
        MediaKind kind,
        String provider,
        String model,
        Integer durationSeconds,
        int credits,
        String apiCostUsd,
        String marginUsd,
        String marginPct,
        boolean featured,
        boolean pro,
        String promptTemplate,
        String negativePrompt,
        String thumbnailUrl,
        Map<String, Object> recipe,
        List<String> aspectRatios,
        String defaultAspectRatio,
        int sortOrder,
        boolean active,
        int uses,
        int version) {}
