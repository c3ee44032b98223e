package com.pixfino.model.api.styles;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user's own style: a base preset with the prompt, negative prompt and format that worked for them. Private to
 * its owner; {@code version} grows on every change (the library change feed re-sends it).
 */
public record StyleView(
        UUID id,
        String name,
        long basePresetId,
        String basePresetName,
        String prompt,
        String negativePrompt,
        String aspectRatio,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
