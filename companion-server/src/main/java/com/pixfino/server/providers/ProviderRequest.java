package com.pixfino.server.providers;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One generation as a provider sees it. The input photo is loaded lazily (and once), because a
 * poll usually does not need it. {@code aspectRatio} is the format to make (null: the model's own framing);
 * {@code seed} the seed to run with, 0 … 2^31−1 (null on generations made before seeds were recorded).
 */
public record ProviderRequest(
        UUID generationId,
        MediaKind kind,
        String model,
        String prompt,
        String negativePrompt,
        String recipeJson,
        Integer durationSeconds,
        AspectRatio aspectRatio,
        Long seed,
        Supplier<InputImage> input) {

    /** A request without a format or seed: the model frames it its own way and draws its own seed. */
    public ProviderRequest(
            UUID generationId,
            MediaKind kind,
            String model,
            String prompt,
            String negativePrompt,
            String recipeJson,
            Integer durationSeconds,
            Supplier<InputImage> input) {
        this(generationId, kind, model, prompt, negativePrompt, recipeJson, durationSeconds, null, null, input);
    }

    /** The same request for another model: a failover provider runs its own model. */
    public ProviderRequest withModel(String otherModel) {
        return new ProviderRequest(
                generationId,
                kind,
                otherModel,
                prompt,
                negativePrompt,
                recipeJson,
                durationSeconds,
                aspectRatio,
                seed,
                input);
    }

    /**
     * The user's normalised upload; {@code sharedUrl} is a short-lived link to it that a provider may
     * fetch (a presigned storage URL), or null when our storage cannot hand one out.
     */
    public record InputImage(byte[] bytes, String contentType, int width, int height, URI sharedUrl) {
        public InputImage(byte[] bytes, String contentType, int width, int height) {
            this(bytes, contentType, width, height, null);
        }
    }
}
