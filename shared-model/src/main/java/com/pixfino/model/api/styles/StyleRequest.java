package com.pixfino.model.api.styles;

/**
 * {@code POST /api/v1/styles} (name and basePresetId required) and {@code PATCH /api/v1/styles/{id}} (every field
 * optional; a field left out keeps its value). {@code aspectRatio} must be one the base preset supports.
 */
public record StyleRequest(String name, Long basePresetId, String prompt, String negativePrompt, String aspectRatio) {}
