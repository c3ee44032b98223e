package com.pixfino.model.api;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import java.math.BigDecimal;

/** A preset as the catalog lists it. {@code durationSeconds} is null for photo presets. */
public record PresetView(
        long id,
        String slug,
        String name,
        PresetCategory category,
        MediaKind kind,
        String provider,
        String model,
        Integer durationSeconds,
        int credits,
        BigDecimal apiCostUsd,
        BigDecimal marginPercent,
        boolean featured,
        boolean pro,
        String promptTemplate,
        String negativePrompt,
        String thumbnailUrl,
        int usageCount) {}
