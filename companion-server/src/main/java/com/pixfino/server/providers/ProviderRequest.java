package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One generation as a provider sees it. The input photo is loaded lazily (and once), because a
 * poll usually does not need it.
 */
public record ProviderRequest(
        UUID generationId,
        MediaKind kind,
        String model,
        String prompt,
        String negativePrompt,
        String recipeJson,
        Integer durationSeconds,
        Supplier<InputImage> input) {

    /** The user's normalised upload. */
    public record InputImage(byte[] bytes, String contentType, int width, int height) {
    }
}
