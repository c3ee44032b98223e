package com.pixfino.model.api;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import java.math.BigDecimal;
import java.util.List;

/**
 * A preset as the catalog lists it. {@code durationSeconds} is null for photo presets. {@code aspectRatios} are
 * the formats its model can make ({@code "1:1"}, {@code "9:16"}, …), {@code defaultAspectRatio} the one used when
 * a request names none; {@code version} grows whenever an admin changes the preset.
 */
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
        int usageCount,
        List<String> aspectRatios,
        String defaultAspectRatio,
        int version) {

    public PresetView {
        aspectRatios = aspectRatios == null ? List.of() : List.copyOf(aspectRatios);
    }
}
