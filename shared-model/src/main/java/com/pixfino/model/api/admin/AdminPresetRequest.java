package com.pixfino.model.api.admin;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import java.util.List;
import java.util.Map;

/**
 * A preset as an admin writes it ({@code POST /api/v1/admin/presets}, {@code PUT} and {@code PATCH
 * /api/v1/admin/presets/{id}}): every field of SPEC "Presets". In a PATCH, absent fields keep their value; in a POST or
 * PUT, slug, name, category, kind, provider, model, credits, apiCostUsd and promptTemplate are required and the rest
 * take their defaults ({@code active} keeps its value in a PUT). {@code apiCostUsd} is a decimal string such as
 * {@code "0.0400"}.
 */
public record AdminPresetRequest(
        String slug,
        String name,
        PresetCategory category,
        MediaKind kind,
        String provider,
        String model,
        Integer durationSeconds,
        Integer credits,
        String apiCostUsd,
        Boolean featured,
        Boolean pro,
        String promptTemplate,
        String negativePrompt,
        Map<String, Object> recipe,
        List<String> aspectRatios,
        String defaultAspectRatio,
        Integer sortOrder,
        Boolean active) {}
